import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CUT_MARKER } from "./log-fields.js";
import { createFrameSplitter, type FramePiece, type SplitterOptions } from "./syslog-tcp-splitter.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const octetFrame = (message: string) => `${bytes(message).length} ${message}`;
const framesOf = (pieces: FramePiece[]) =>
  pieces.flatMap((piece) => (piece.kind === "frame" ? [piece.text] : []));
const errorsOf = (pieces: FramePiece[]) =>
  pieces.flatMap((piece) => (piece.kind === "framing-error" ? [piece.reason] : []));

function split(chunks: Uint8Array[], options?: SplitterOptions): FramePiece[] {
  const splitter = createFrameSplitter(options);
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
}

const MESSAGES = [
  "<34>1 2003-10-11T22:14:15.003Z host app - - - héllo wörld",
  "<13>Oct 11 22:14:15 host su: x",
  "<0>1 - - - - - -",
];

describe("octet-counting frames", () => {
  it("splits frames whatever the chunk boundaries, counting bytes not characters", () => {
    const stream = bytes(MESSAGES.map(octetFrame).join(""));
    for (const size of [1, 2, 7, stream.length]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.subarray(i, i + size));
      expect(framesOf(split(chunks))).toEqual(MESSAGES);
    }
  });

  it("tolerates a newline after each counted frame", () => {
    const pieces = split([bytes(MESSAGES.map((message) => `${octetFrame(message)}\n`).join(""))]);
    expect(framesOf(pieces)).toEqual(MESSAGES);
    expect(errorsOf(pieces)).toEqual([]);
  });

  it("cuts an oversized frame with a marker, reports it and keeps going", () => {
    const big = `<34>1 - h a - - - ${"x".repeat(1000)}`;
    const pieces = split([bytes(octetFrame(big) + octetFrame("<1>1 - - - - - -"))], { maxFrameBytes: 300 });
    const [first, , second] = pieces;
    expect(first).toMatchObject({ kind: "frame", truncated: true, byteLength: bytes(big).length });
    expect(first?.kind === "frame" && first.text).toBe(big.slice(0, 300) + CUT_MARKER);
    expect(errorsOf(pieces)).toEqual([`frame of ${bytes(big).length} bytes cut to 300 bytes`]);
    expect(second).toMatchObject({ kind: "frame", text: "<1>1 - - - - - -", truncated: false });
  });

  it("never splits a UTF-8 character when cutting", () => {
    const pieces = split([bytes(octetFrame("é".repeat(400)))], { maxFrameBytes: 257 });
    expect(framesOf(pieces)[0]).toBe("é".repeat(128) + CUT_MARKER);
  });

  it("reports a stream that ends inside a frame or a count", () => {
    expect(errorsOf(split([bytes("100 <34>1 short")]))).toEqual([
      "stream ended inside an octet-counted frame: 11 of 100 bytes",
    ]);
    expect(errorsOf(split([bytes("12")]))).toEqual(["stream ended inside an octet count"]);
  });

  it("falls back to a line when a count is not followed by a space", () => {
    const pieces = split([bytes("12x <34> oops\n")]);
    expect(errorsOf(pieces)).toEqual(["octet count is not followed by a space: reading a line"]);
    expect(framesOf(pieces)).toEqual(["12x <34> oops"]);
  });
});

describe("newline-delimited frames", () => {
  it("splits on LF and NUL, drops CR and blank lines, and keeps an unterminated last line", () => {
    const pieces = split([bytes("<13>a b: one\r\n\n<13>a b: two\0<13>a b: th"), bytes("ree")]);
    expect(framesOf(pieces)).toEqual(["<13>a b: one", "<13>a b: two", "<13>a b: three"]);
  });

  it("in newline mode, reads a leading digit as text", () => {
    expect(framesOf(split([bytes("12 not a count\n")], { mode: "newline" }))).toEqual(["12 not a count"]);
  });

  it("in octet-counting mode, reports a frame that does not start with a count", () => {
    const pieces = split([bytes("<13>a b: x\n")], { mode: "octet-counting" });
    expect(errorsOf(pieces)[0]).toContain("expected an octet count");
    expect(framesOf(pieces)).toEqual(["<13>a b: x"]);
  });

  it("cuts an oversized line without buffering the rest of it", () => {
    const splitter = createFrameSplitter({ maxFrameBytes: 1024 });
    const pieces: FramePiece[] = [];
    for (let i = 0; i < 64; i++) pieces.push(...splitter.push(new Uint8Array(16 * 1024).fill(0x61)));
    pieces.push(...splitter.push(bytes("\n<13>a b: next\n")));
    expect(pieces[0]).toMatchObject({ kind: "frame", truncated: true, byteLength: 1024 * 1024 });
    expect(framesOf(pieces)[1]).toBe("<13>a b: next");
  });
});

describe("splitter properties", () => {
  it("any bytes, any chunking: no throw, frames within the limit", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.array(fc.nat({ max: 2000 })), (stream, cuts) => {
        const points = [...new Set([0, ...cuts.filter((cut) => cut < stream.length), stream.length])].sort(
          (a, b) => a - b,
        );
        const chunks = points.slice(1).map((end, i) => stream.subarray(points[i] ?? 0, end));
        for (const piece of split(chunks, { maxFrameBytes: 256 })) {
          if (piece.kind === "frame") expect(bytes(piece.text).length).toBeLessThanOrEqual(256 * 3 + 64);
          else expect(piece.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips any messages through octet counting in any chunking", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 80 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 50 }),
        (messages, size) => {
          const stream = bytes(messages.map(octetFrame).join(""));
          const chunks: Uint8Array[] = [];
          for (let i = 0; i < stream.length; i += size) chunks.push(stream.subarray(i, i + size));
          const expected = messages.map((message) => new TextDecoder().decode(bytes(message)));
          expect(framesOf(split(chunks))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
