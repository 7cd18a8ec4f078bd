/**
 * Splits a syslog TCP byte stream into frames (RFC 6587): octet counting (`123 <34>1 ...`,
 * the count in bytes) or newline-delimited (`<34>Oct 11 ...\n`). In `auto` mode each frame
 * says which by its first byte: a digit starts a count, anything else a line.
 *
 * Incremental and without I/O: feed chunks as they arrive, in any sizes. Memory is bounded by
 * `maxFrameBytes`: a longer frame keeps its first bytes, is cut with a marker and reported,
 * and the rest of it is skipped without being buffered.
 */
import { CUT_MARKER } from "./log-fields.js";

export const DEFAULT_MAX_FRAME_BYTES = 64 * 1024;
const MIN_MAX_FRAME_BYTES = 256;
/** Nine digits already allow a frame of almost a gigabyte; more is a lost framing. */
const MAX_COUNT_DIGITS = 9;
const LF = 10;
const CR = 13;
const NUL = 0;
const SPACE = 32;

export type FramingMode = "auto" | "octet-counting" | "newline";

export type SplitterOptions = { mode?: FramingMode; maxFrameBytes?: number };

export type FramePiece =
  | { kind: "frame"; text: string; byteLength: number; truncated: boolean }
  | { kind: "framing-error"; reason: string };

export type FrameSplitter = {
  /** Frames completed by this chunk. */
  push: (chunk: Uint8Array) => FramePiece[];
  /** At end of stream: the last unterminated line, or an error for a frame cut short. */
  end: () => FramePiece[];
};

type State = "between" | "count" | "body" | "line";

/** A splitter for one TCP connection. */
export function createFrameSplitter(options: SplitterOptions = {}): FrameSplitter {
  const mode = options.mode ?? "auto";
  const requested = Math.floor(options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
  const capacity = Number.isFinite(requested)
    ? Math.max(MIN_MAX_FRAME_BYTES, requested)
    : DEFAULT_MAX_FRAME_BYTES;
  const buffer = new Uint8Array(capacity);
  const decoder = new TextDecoder("utf-8");
  let state: State = "between";
  let length = 0;
  let frameBytes = 0;
  let remaining = 0;
  let count = 0;
  let countDigits = 0;

  const keep = (byte: number) => {
    if (length < capacity) buffer[length++] = byte;
    frameBytes++;
  };
  const emit = (out: FramePiece[]) => {
    const truncated = frameBytes > length;
    const end = truncated ? characterBoundary(buffer, length) : length;
    const text = decoder.decode(buffer.subarray(0, end)) + (truncated ? CUT_MARKER : "");
    out.push({ kind: "frame", text, byteLength: frameBytes, truncated });
    if (truncated) {
      out.push({ kind: "framing-error", reason: `frame of ${frameBytes} bytes cut to ${capacity} bytes` });
    }
    state = "between";
    length = 0;
    frameBytes = 0;
  };

  const push = (chunk: Uint8Array): FramePiece[] => {
    const out: FramePiece[] = [];
    let i = 0;
    while (i < chunk.length) {
      const byte = chunk[i] ?? 0;
      switch (state) {
        case "between":
          if (byte === LF || byte === CR || byte === NUL || byte === SPACE) {
            i++;
          } else if (mode !== "newline" && byte >= 48 && byte <= 57) {
            state = "count";
            count = 0;
            countDigits = 0;
          } else {
            if (mode === "octet-counting") {
              out.push({
                kind: "framing-error",
                reason: `expected an octet count, got byte ${byte}: reading a line`,
              });
            }
            state = "line";
          }
          break;
        case "count":
          if (byte >= 48 && byte <= 57 && countDigits < MAX_COUNT_DIGITS) {
            count = count * 10 + byte - 48;
            countDigits++;
            keep(byte);
            i++;
          } else if (byte === SPACE && count > 0) {
            state = "body";
            remaining = count;
            length = 0;
            frameBytes = 0;
            i++;
          } else {
            // Not a count after all: what was read is the start of a line.
            out.push({
              kind: "framing-error",
              reason: "octet count is not followed by a space: reading a line",
            });
            state = "line";
          }
          break;
        case "body": {
          const take = Math.min(remaining, chunk.length - i);
          const room = Math.max(0, Math.min(take, capacity - length));
          buffer.set(chunk.subarray(i, i + room), length);
          length += room;
          frameBytes += take;
          remaining -= take;
          i += take;
          if (remaining === 0) emit(out);
          break;
        }
        case "line":
          if (byte === LF || byte === NUL) {
            if (length > 0 && buffer[length - 1] === CR && frameBytes === length) {
              length--;
              frameBytes--;
            }
            emit(out);
          } else {
            keep(byte);
          }
          i++;
          break;
      }
    }
    return out;
  };

  const end = (): FramePiece[] => {
    const out: FramePiece[] = [];
    if (state === "line" && frameBytes > 0) emit(out);
    else if (state === "body") {
      out.push({
        kind: "framing-error",
        reason: `stream ended inside an octet-counted frame: ${frameBytes} of ${frameBytes + remaining} bytes`,
      });
    } else if (state === "count")
      out.push({ kind: "framing-error", reason: "stream ended inside an octet count" });
    state = "between";
    length = 0;
    frameBytes = 0;
    return out;
  };

  return { push, end };
}

/** The cut point at or before `end` that does not split a UTF-8 sequence. */
function characterBoundary(bytes: Uint8Array, end: number): number {
  let continuation = 0;
  while (
    continuation < 3 &&
    end - continuation > 0 &&
    ((bytes[end - continuation - 1] ?? 0) & 0xc0) === 0x80
  ) {
    continuation++;
  }
  const leadIndex = end - continuation - 1;
  if (leadIndex < 0) return end;
  const lead = bytes[leadIndex] ?? 0;
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return continuation + 1 < size ? leadIndex : end;
}
