// Ordinary text has a few digits or doubled letters per kilobyte, which used to make every chunk
// pay for a whole aggressive view. Aggressive hits only count inside windows of `reach` symbols
// around evidence, and evidence only arises next to the strict view's suspects, so this folds just
// the stretches around suspects that can matter, one after another in `out`, separated by a symbol
// no pattern holds. Each stretch starts and ends at a boundary after a word of two or more
// symbols, where the fold carries no state, so it equals that stretch of the whole view. When a
// window could reach a stretch's edge, the caller folds the whole chunk instead.
import { type FoldBuffer, ensureCapacity } from "./fold-buffer.js";
import { foldAggressiveRange } from "./fold-aggressive.js";
import { BOUNDARY, LEET_SYMBOLS, isLetterSymbol } from "./symbols.js";

/** Separates stretches: no pattern contains it, so the automaton returns to its root there. */
const SEPARATOR = 0x00;
/** Strict symbols folded beyond a window's reach, so windows stay clear of a stretch's edges. */
const GUARD = 8;

const LEET_CODES = new Set(Array.from({ length: LEET_SYMBOLS.length }, (_, i) => LEET_SYMBOLS.charCodeAt(i)));

function isDigitOrLeet(symbol: number): boolean {
  return (symbol >= 0x30 && symbol <= 0x39) || LEET_CODES.has(symbol);
}

/** A cut point at or before `at`: 0, or a boundary that follows a word of two or more symbols. */
function cutBefore(src: Uint16Array, at: number): number {
  let i = at;
  while (i > 0) {
    if (src[i] === BOUNDARY) {
      let start = i - 1;
      while (start >= 0 && src[start] !== BOUNDARY) start--;
      if (i - start - 1 >= 2) return i;
      i = start;
    } else i--;
  }
  return 0;
}

/** The end (exclusive) of a stretch reaching at least `at`: just past a safe boundary, or `length`. */
function cutAfter(src: Uint16Array, length: number, at: number): number {
  let i = at;
  while (i < length) {
    if (src[i] === BOUNDARY) {
      let start = i - 1;
      while (start >= 0 && src[start] !== BOUNDARY) start--;
      if (i - start - 1 >= 2) return i + 1;
    }
    i++;
  }
  return length;
}

/**
 * Whether the suspect at `at` could produce evidence: digits and leet symbols only become letters
 * in a word with a letter, or standing alone; anything else (runs, split letters) always could.
 */
function canShowEvidence(src: Uint16Array, length: number, at: number, word: Int32Array): boolean {
  if (at >= length || !isDigitOrLeet(src[at]!)) return true;
  if (at >= word[0]! && at < word[1]!) return word[2] === 1;
  let start = at;
  while (start > 0 && src[start - 1] !== BOUNDARY) start--;
  let end = at;
  let hasLetter = false;
  for (let i = start; i < length && src[i] !== BOUNDARY; i++, end = i) {
    if (isLetterSymbol(src[i]!)) hasLetter = true;
  }
  word[0] = start;
  word[1] = end;
  word[2] = hasLetter || end - start === 1 ? 1 : 0;
  return word[2] === 1;
}

/**
 * Folds the stretches of `strict` around its suspects into `out`. Returns false when a window
 * could reach a stretch's edge (the caller then folds the whole view), true otherwise.
 */
export function foldAggressiveSegments(
  text: string,
  strict: FoldBuffer,
  out: FoldBuffer,
  reach: number,
): boolean {
  const src = strict.symbols;
  const length = strict.length;
  const margin = 2 * reach + GUARD;
  out.length = 0;
  out.evidenceCount = 0;
  out.hasNonLatin = strict.hasNonLatin;
  ensureCapacity(out, length + strict.suspectCount + 2);
  const word = new Int32Array([-1, -1, 0]);
  let checked = 0;
  let folded = -1;
  let stretchFrom = 0;
  let begin = 0;
  // Windows of `reach` around each evidence must stay clear of the stretch's edges (bar the text's).
  const windowsInside = (): boolean => {
    for (; checked < out.evidenceCount; checked++) {
      const at = out.evidenceAt[checked]!;
      if (stretchFrom > 0 && at - reach + 1 <= begin) return false;
      if (folded < length && at + reach >= out.length) return false;
    }
    return true;
  };
  let k = 0;
  while (k < strict.suspectCount) {
    const at = strict.suspectAt[k++]!;
    if (!canShowEvidence(src, length, at, word)) continue;
    let last = at;
    while (k < strict.suspectCount && strict.suspectAt[k]! <= last + 2 * margin) {
      const next = strict.suspectAt[k++]!;
      if (canShowEvidence(src, length, next, word)) last = next;
    }
    let from = cutBefore(src, Math.max(0, at - margin));
    const to = cutAfter(src, length, Math.min(length, last + margin));
    if (folded >= 0 && from <= folded) from = folded;
    else {
      if (folded >= 0 && !windowsInside()) return false;
      if (out.length > 0) {
        out.symbols[out.length] = SEPARATOR;
        out.starts[out.length] = strict.starts[from]!;
        out.evidence[out.length++] = 0;
      }
      begin = out.length;
      stretchFrom = from;
    }
    foldAggressiveRange(text, strict, from, to, out);
    folded = to;
    while (k < strict.suspectCount && strict.suspectAt[k]! < folded) k++;
  }
  return windowsInside();
}
