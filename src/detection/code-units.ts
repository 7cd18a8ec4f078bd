// The fold loop reads the text's UTF-16 code units from a typed array rather than through
// `charCodeAt`. Texts arrive as every kind of V8 string (one- or two-byte, flat, sliced, joined),
// and by then `charCodeAt` has seen them all and no longer compiles to a plain load: copying them
// out through it cost more than the fold that followed. Two ways to copy, chosen once per host:
// - where the host has Node's `Buffer`, its UTF-16 write, which copies a string's units as
//   they are (about 0.02 ns a unit, against 1.9 for the other way on a two-byte string);
// - elsewhere (a browser, a web worker), the web standard `TextEncoder.encodeInto`, which copies
//   any string natively but as UTF-8, decoded back here.
// The engine imports nothing from Node: `Buffer` is looked for on the global object.
import { LITTLE_ENDIAN } from "./byte-order.js";

/** How a string's code units get into memory: see the top of this file. */
export type CodeUnitCopy = "utf16-write" | "utf8-encode";

/** Reusable arrays for one text's code units. */
export type CodeUnitBuffer = {
  copy: CodeUnitCopy;
  units: Uint16Array;
  /** "utf16-write": `units`' memory, as the host's writer. */
  writer: Utf16Writer | null;
  /** "utf8-encode": room for the UTF-8 bytes. */
  bytes: Uint8Array;
};

/** The part of Node's `Buffer` used here, named structurally so the engine needs no Node types. */
type Utf16Writer = { write(text: string, offset: number, encoding: "utf16le"): number };
type Utf16WriterSource = { from(memory: ArrayBufferLike, byteOffset: number, length: number): Utf16Writer };

/** Node's `Buffer`, when the host has one; it writes little-endian units, so only on such a host. */
const hostBuffer: Utf16WriterSource | null = (() => {
  const candidate = (globalThis as { Buffer?: Partial<Utf16WriterSource> }).Buffer;
  return LITTLE_ENDIAN && typeof candidate?.from === "function" ? (candidate as Utf16WriterSource) : null;
})();

/** The fastest copy this host offers. */
export const hostCodeUnitCopy: CodeUnitCopy = hostBuffer ? "utf16-write" : "utf8-encode";

const encoder = new TextEncoder();

export function createCodeUnitBuffer(
  capacity: number,
  copy: CodeUnitCopy = hostCodeUnitCopy,
): CodeUnitBuffer {
  const buffer: CodeUnitBuffer = { copy, units: new Uint16Array(0), writer: null, bytes: new Uint8Array(0) };
  allocate(buffer, capacity);
  return buffer;
}

function allocate(buffer: CodeUnitBuffer, capacity: number): void {
  buffer.units = new Uint16Array(capacity);
  if (buffer.copy === "utf16-write") {
    if (!hostBuffer) throw new Error("This host has no Buffer to write UTF-16 with.");
    buffer.writer = hostBuffer.from(buffer.units.buffer, 0, capacity * 2);
  } else {
    // A code unit takes at most three bytes of UTF-8 (a surrogate pair, two units, takes four).
    buffer.bytes = new Uint8Array(capacity * 3);
  }
}

/**
 * Copies the code units of `text[from, to)` into `buffer.units` (from index 0) and returns the
 * array; only its first `to - from` entries are this text's.
 */
export function copyCodeUnits(text: string, from: number, to: number, buffer: CodeUnitBuffer): Uint16Array {
  const length = to - from;
  if (buffer.units.length < length) allocate(buffer, Math.max(length, buffer.units.length * 2));
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  if (buffer.writer) {
    buffer.writer.write(part, 0, "utf16le");
    return buffer.units;
  }
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
