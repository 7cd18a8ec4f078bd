// Word numbers in the strict view, for co-occurrence windows: the number of boundaries before a
// symbol, counted from the boundary list the strict fold writes. Lookups mostly arrive in text
// order, so a cursor that moves from the last answer costs next to nothing.
import type { FoldBuffer } from "./fold-buffer.js";

export type WordIndex = {
  /** Word number of the strict-view symbol at index `at`. */
  wordOfSymbol: (at: number) => number;
  /** Word number of the word at original offset `offset`. */
  wordAt: (offset: number) => number;
};

/** A word index over `strict`, valid until the buffer is next overwritten. */
export function createWordIndex(strict: FoldBuffer): WordIndex & { reset: () => void } {
  let cursor = 0;
  /** Boundaries strictly before symbol index `at`. */
  const boundariesBefore = (at: number): number => {
    const boundaries = strict.boundaryAt;
    const count = strict.boundaryCount;
    while (cursor < count && boundaries[cursor]! < at) cursor++;
    while (cursor > 0 && boundaries[cursor - 1]! >= at) cursor--;
    return cursor;
  };
  return {
    reset: () => {
      cursor = 0;
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
      const boundaries = strict.boundaryAt;
      low = 0;
      high = strict.boundaryCount;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (boundaries[mid]! < at) low = mid + 1;
        else high = mid;
      }
      return low;
    },
  };
}
