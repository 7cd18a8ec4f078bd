// The aggressive view, derived from the strict view in a second linear pass: leet symbols become
// the letters they imitate, runs of one symbol collapse to one, and single-letter words in a row are
// joined ("k i l l", "k.y.s"). Numbers holding no letter are left alone ("2000", "$100").
// Each change marks evidence; a hit in this view only counts when its
// span holds evidence, so "as" never becomes a hit for "ass" merely because "ss" collapsed.
import { type FoldBuffer, ensureCapacity, markEvidence } from "./fold-buffer.js";
import { BOUNDARY, LEET_MAP, isLetterSymbol } from "./symbols.js";

/** Longest separator (in UTF-16 code units) between two single letters that are joined. */
const MAX_JOIN_GAP = 2;

function isSingleAt(symbols: Uint16Array, at: number, length: number): boolean {
  return at < length && symbols[at] !== BOUNDARY && (at + 1 >= length || symbols[at + 1] === BOUNDARY);
}

/** Builds the aggressive view of `source`, the strict view of `text`, into `out`. */
export function foldAggressive(text: string, source: FoldBuffer, out: FoldBuffer): void {
  out.length = 0;
  out.evidenceCount = 0;
  ensureCapacity(out, source.length + 1);
  foldAggressiveRange(text, source, 0, source.length, out);
  out.hasNonLatin = source.hasNonLatin;
}

/**
 * Appends the aggressive view of `source[from, to)` to `out` (capacity already ensured). `from` must
 * be 0 or a boundary after a word of two or more symbols, where the fold keeps no state from
 * earlier words, so the output equals that stretch of the whole text's aggressive view.
 */
export function foldAggressiveRange(
  text: string,
  source: FoldBuffer,
  from: number,
  to: number,
  out: FoldBuffer,
): void {
  const n = source.length;
  const src = source.symbols;
  const srcStarts = source.starts;
  const symbols = out.symbols;
  const starts = out.starts;
  const evidence = out.evidence;
  const first = out.length;
  let m = out.length;
  let i = from;
  let previousSingle = false;
  let run = 0;
  let joinGap = 0;
  let joinUnit = 0;
  while (i < to) {
    if (src[i] === BOUNDARY) {
      if (m === first || symbols[m - 1] !== BOUNDARY) {
        symbols[m] = BOUNDARY;
        starts[m] = srcStarts[i]!;
        evidence[m++] = 0;
      }
      i++;
      continue;
    }
    let j = i;
    let hasLetter = false;
    while (j < n && src[j] !== BOUNDARY) {
      if (!hasLetter && isLetterSymbol(src[j]!)) hasLetter = true;
      j++;
    }
    const single = j - i === 1;
    // A different or wider gap ("k.i.l.l y.o.u", "k i l l   y o u") separates the words of a
    // split phrase, so within one run of joins every gap must look like the first.
    const gap = i > 0 ? srcStarts[i]! - srcStarts[i - 1]! : 0;
    const gapUnit = i > 0 ? text.charCodeAt(srcStarts[i - 1]!) : 0;
    const sameGap = joinGap === 0 ? gap <= MAX_JOIN_GAP : gap === joinGap && gapUnit === joinUnit;
    const joined = single && previousSingle && sameGap && m - first >= 2 && symbols[m - 1] === BOUNDARY;
    if (!joined) joinGap = 0;
    else if (joinGap === 0) {
      joinGap = gap;
      joinUnit = gapUnit;
    }
    if (joined) {
      m--;
      markEvidence(out, m - 1);
    }
    const mapLeet = hasLetter || (single && (previousSingle || isSingleAt(src, j + 1, n)));
    for (let p = i; p < j; p++) {
      let symbol = src[p]!;
      let isLeet = false;
      if (mapLeet && symbol < 0x80) {
        const letter = LEET_MAP[symbol]!;
        if (letter !== 0) {
          symbol = letter;
          isLeet = true;
        }
      }
      if (mapLeet && m > first && symbols[m - 1] === symbol) {
        run++;
        if (run === 2 || isLeet) markEvidence(out, m - 1);
        continue;
      }
      run = 0;
      symbols[m] = symbol;
      starts[m] = srcStarts[p]!;
      evidence[m++] = 0;
      if (isLeet) markEvidence(out, m - 1);
    }
    if (joined) markEvidence(out, m - 1);
    previousSingle = single;
    i = j;
  }
  out.length = m;
}
