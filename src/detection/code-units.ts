// The fold loop reads the text's UTF-16 code units from a typed array rather than through
// `charCodeAt`. Texts arrive as every kind of V8 string (one- or two-byte, flat, sliced, joined),
// and by then `charCodeAt` has seen them all and no longer compiles to a plain load: copying them
// out through it cost more than the fold that followed. `TextEncoder.encodeInto` (a web standard,
// so the engine stays free of Node built-ins) copies any string natively, as UTF-8.
const encoder = new TextEncoder();

/** Reusable arrays for one text's code units. */
export type CodeUnitBuffer = { bytes: Uint8Array; units: Uint16Array };

export function createCodeUnitBuffer(capacity: number): CodeUnitBuffer {
  return { bytes: new Uint8Array(capacity * 3), units: new Uint16Array(capacity) };
}

/**
 * Copies the code units of `text[from, to)` into `buffer.units` (from index 0) and returns the
 * array; only its first `to - from` entries are this text's.
 */
export function copyCodeUnits(text: string, from: number, to: number, buffer: CodeUnitBuffer): Uint16Array {
  const length = to - from;
  if (buffer.units.length < length) {
    const capacity = Math.max(length, buffer.units.length * 2);
    buffer.units = new Uint16Array(capacity);
    // A code unit takes at most three bytes of UTF-8 (a surrogate pair, two units, takes four).
    buffer.bytes = new Uint8Array(capacity * 3);
  }
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  const { written } = encoder.encodeInto(part, buffer.bytes);
  // One byte per code unit: all ASCII, so the bytes are the code units.
  if (written === length) buffer.units.set(buffer.bytes.subarray(0, length));
  else decodeUtf8(buffer.bytes, written, text, from, buffer.units);
  return buffer.units;
}

const REPLACEMENT = 0xfffd;

/**
 * UTF-8 (well formed, as `encodeInto` writes it) back to UTF-16 code units. A lone surrogate was
 * written as U+FFFD; the text's own unit is put back, so the fold sees exactly what is there.
 */
function decodeUtf8(
  bytes: Uint8Array,
  written: number,
  text: string,
  from: number,
  units: Uint16Array,
): void {
  let k = 0;
  let b = 0;
  while (b < written) {
    const lead = bytes[b]!;
    if (lead < 0x80) {
      units[k++] = lead;
      b += 1;
    } else if (lead < 0xe0) {
      units[k++] = ((lead & 0x1f) << 6) | (bytes[b + 1]! & 0x3f);
      b += 2;
    } else if (lead < 0xf0) {
      const unit = ((lead & 0x0f) << 12) | ((bytes[b + 1]! & 0x3f) << 6) | (bytes[b + 2]! & 0x3f);
      units[k] = unit === REPLACEMENT ? text.charCodeAt(from + k) : unit;
      k++;
      b += 3;
    } else {
      const point =
        (((lead & 0x07) << 18) |
          ((bytes[b + 1]! & 0x3f) << 12) |
          ((bytes[b + 2]! & 0x3f) << 6) |
          (bytes[b + 3]! & 0x3f)) -
        0x10000;
      units[k++] = 0xd800 + (point >> 10);
      units[k++] = 0xdc00 + (point & 0x3ff);
      b += 4;
    }
  }
}
