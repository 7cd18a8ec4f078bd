// Reusable scratch arrays for one folded view. A detector owns its buffers and every scan overwrites
// them from index 0 and reads only up to `length`, so nothing leaks from one scan into the next.

import { type CodeUnitBuffer, createCodeUnitBuffer } from "./code-units.js";

export type FoldBuffer = {
  /** Strict view only: the chunk's UTF-16 code units, copied out of the text for the fold loop. */
  codeUnits: CodeUnitBuffer;
  /** Folded symbols. */
  symbols: Uint16Array;
  /** For each symbol, the UTF-16 offset in the original text of the character it came from. */
  starts: Int32Array;
  /** Aggressive view only: 1 where the symbol shows obfuscation (leet, stretched, joined letters). */
  evidence: Uint8Array;
  length: number;
  /** The strict pass saw a symbol outside ASCII, so non-Latin automata must run. */
  hasNonLatin: boolean;
  /**
   * Strict view only: positions of the symbols outside ASCII, in increasing order, noted by the
   * fold as it writes them (the other scripts' automaton runs only around them).
   */
  nonLatinAt: Int32Array;
  nonLatinCount: number;
  /** Strict view only: the aggressive view could hold evidence, so it must be built. */
  mayBeObfuscated: boolean;
  /**
   * Strict view only: where evidence could arise (a digit beside a letter, leet symbols, a symbol
   * three times in a row, two single-letter words in a row, slow-path expansions), in increasing
   * order.
   */
  suspectAt: Int32Array;
  suspectCount: number;
  /** Positions with evidence, in increasing order (aggressive view only). */
  evidenceAt: Int32Array;
  evidenceCount: number;
};

/** Allocates a buffer for `capacity` symbols. */
export function createFoldBuffer(capacity: number): FoldBuffer {
  return {
    codeUnits: createCodeUnitBuffer(capacity),
    symbols: new Uint16Array(capacity),
    starts: new Int32Array(capacity),
    evidence: new Uint8Array(capacity),
    length: 0,
    hasNonLatin: false,
    nonLatinAt: new Int32Array(64),
    nonLatinCount: 0,
    mayBeObfuscated: true,
    suspectAt: new Int32Array(64),
    suspectCount: 0,
    evidenceAt: new Int32Array(64),
    evidenceCount: 0,
  };
}

/** Makes room for at least `needed` symbols, keeping the first `buffer.length`. */
export function ensureCapacity(buffer: FoldBuffer, needed: number): void {
  if (needed <= buffer.symbols.length) return;
  const capacity = Math.max(needed, buffer.symbols.length * 2);
  const symbols = new Uint16Array(capacity);
  symbols.set(buffer.symbols.subarray(0, buffer.length));
  const starts = new Int32Array(capacity);
  starts.set(buffer.starts.subarray(0, buffer.length));
  const evidence = new Uint8Array(capacity);
  evidence.set(buffer.evidence.subarray(0, buffer.length));
  buffer.symbols = symbols;
  buffer.starts = starts;
  buffer.evidence = evidence;
}

/** Records that position `at` carries evidence (positions arrive in non-decreasing order). */
export function markEvidence(buffer: FoldBuffer, at: number): void {
  buffer.evidence[at] = 1;
  const count = buffer.evidenceCount;
  if (count > 0 && buffer.evidenceAt[count - 1] === at) return;
  buffer.evidenceAt = withRoom(buffer.evidenceAt, count);
  buffer.evidenceAt[count] = at;
  buffer.evidenceCount = count + 1;
}

/** Records a strict-view position where the aggressive view might show evidence. */
export function markSuspect(buffer: FoldBuffer, at: number): void {
  const count = buffer.suspectCount;
  if (count > 0 && buffer.suspectAt[count - 1] === at) return;
  buffer.suspectAt = withRoom(buffer.suspectAt, count);
  buffer.suspectAt[count] = at;
  buffer.suspectCount = count + 1;
}

/** Records that the strict view's symbol at `at` (after any noted before) is outside ASCII. */
export function markNonLatin(buffer: FoldBuffer, at: number): void {
  const count = buffer.nonLatinCount;
  buffer.nonLatinAt = withRoom(buffer.nonLatinAt, count);
  buffer.nonLatinAt[count] = at;
  buffer.nonLatinCount = count + 1;
  buffer.hasNonLatin = true;
}

/** `positions`, or a copy twice its size when it is full at `count`. */
function withRoom(positions: Int32Array, count: number): Int32Array {
  if (count < positions.length) return positions;
  const grown = new Int32Array(count * 2);
  grown.set(positions);
  return grown;
}
