// Word numbers in the strict view, for co-occurrence windows: the number of boundaries before a
// symbol. The boundary list is gathered from the symbols on the first lookup after a reset, so a
// text that needs no word numbers (most short ones) never pays for it. Lookups mostly arrive in
// text order, so a cursor that moves from the last answer costs next to nothing.
import { LITTLE_ENDIAN } from "./byte-order.js";
import type { FoldBuffer } from "./fold-buffer.js";
import { BOUNDARY } from "./symbols.js";

/** Where the first of two symbols read as one 32-bit number sits in it: the platform's byte order. */
const FIRST_SHIFT = LITTLE_ENDIAN ? 0 : 16;
const SECOND_SHIFT = 16 - FIRST_SHIFT;

export type WordIndex = {
  /** Word number of the strict-view symbol at index `at`. */
  wordOfSymbol: (at: number) => number;
  /** Word number of the word at original offset `offset`. */
  wordAt: (offset: number) => number;
};

/** A word index over `strict`; `reset` it whenever the buffer is overwritten. */
export function createWordIndex(strict: FoldBuffer): WordIndex & { reset: () => void } {
  let cursor = 0;
  /** Indexes of the BOUNDARY symbols, in increasing order; -1 count: not gathered yet. */
  let boundaries = new Int32Array(1024);
  let count = -1;
  /** `strict.symbols` read two at a time (see gather), remade when the fold grows its array. */
  let pairs: Uint32Array = new Uint32Array(0);
  // The loops below work on local copies of `count`, `cursor` and `boundaries`: a variable this
  // closure captures lives in memory, so it is read once and written back once.
  const gather = (): void => {
    const length = strict.length;
    if (boundaries.length < length) boundaries = new Int32Array(length);
    const symbols = strict.symbols;
    if (pairs.buffer !== symbols.buffer) pairs = new Uint32Array(symbols.buffer, 0, symbols.length >> 1);
    const two = pairs;
    const found = boundaries;
    let gathered = 0;
    // Without a branch: boundaries come at no steady rhythm, so a branch here was mispredicted
    // often enough to cost more than the rest of the loop. (s ^ BOUNDARY) - 1 is negative only
    // for a boundary, so its sign bit counts it. Two symbols a load made the loop twice as fast.
    // An odd last symbol is left out: no symbol comes after it, so it is before none.
    const half = length >> 1;
    for (let p = 0; p < half; p++) {
      const both = two[p]!;
      found[gathered] = p << 1;
      gathered += ((((both >>> FIRST_SHIFT) & 0xffff) ^ BOUNDARY) - 1) >>> 31;
      found[gathered] = (p << 1) | 1;
      gathered += ((((both >>> SECOND_SHIFT) & 0xffff) ^ BOUNDARY) - 1) >>> 31;
    }
    count = gathered;
  };
  /** Boundaries strictly before symbol index `at`. */
  const boundariesBefore = (at: number): number => {
    if (count < 0) gather();
    const found = boundaries;
    const gathered = count;
    let moved = cursor;
    while (moved < gathered && found[moved]! < at) moved++;
    while (moved > 0 && found[moved - 1]! >= at) moved--;
    cursor = moved;
    return moved;
  };
  return {
    reset: () => {
      cursor = 0;
      count = -1;
    },
    wordOfSymbol: (at) => {
      // The last symbol that starts at the same original offset (an expansion shares its start).
      const starts = strict.starts;
      const offset = starts[at]!;
      let last = at;
      while (last + 1 < strict.length && starts[last + 1]! <= offset) last++;
      return boundariesBefore(last);
    },
    wordAt: (offset) => {
      // The last symbol starting at or before `offset`: the hit's first letter, not the boundary before it.
      const starts = strict.starts;
      let low = 0;
      let high = strict.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (starts[mid]! <= offset) low = mid + 1;
        else high = mid;
      }
      const at = Math.max(0, low - 1);
      if (count < 0) gather();
      low = 0;
      high = count;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (boundaries[mid]! < at) low = mid + 1;
        else high = mid;
      }
      return low;
    },
  };
}
