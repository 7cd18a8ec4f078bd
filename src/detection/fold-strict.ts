// The strict view: one table-driven pass from UTF-16 text to folded symbols plus an offset map.
// Compatibility forms, case, diacritics, look-alikes, zero-width and bidi characters are folded;
// every separator run becomes one BOUNDARY symbol. Nothing is guessed (no leet, no collapsing).
import { type FoldBuffer, ensureCapacity } from "./fold-buffer.js";
import { Kind, MAX_EXPANSION, foldAstral, getFoldTable } from "./fold-table.js";
import { BOUNDARY } from "./symbols.js";

/** How far a leet symbol looks ahead for the word character that makes it part of a word. */
const LEET_LOOKAHEAD = 8;

function isLeetInWord(text: string, from: number, kinds: Uint8Array): boolean {
  const end = Math.min(text.length, from + LEET_LOOKAHEAD);
  for (let i = from; i < end; i++) {
    const kind = kinds[text.charCodeAt(i)]!;
    if (kind === Kind.skip || kind === Kind.leet) continue;
    return kind !== Kind.boundary;
  }
  return false;
}

/**
 * Folds `text[from, to)` into `out` (strict view). `padStart`/`padEnd` add a BOUNDARY at the ends,
 * which is right at the real start/end of a text or at a separator, and wrong inside a word.
 */
export function foldStrict(
  text: string,
  from: number,
  to: number,
  padStart: boolean,
  padEnd: boolean,
  out: FoldBuffer,
): void {
  const table = getFoldTable();
  const kinds = table.kind;
  const symbolOf = table.symbol;
  out.length = 0;
  ensureCapacity(out, to - from + 2);
  let symbols = out.symbols;
  let starts = out.starts;
  let n = 0;
  let atBoundary = padStart;
  let nonLatin = false;
  if (padStart) {
    symbols[0] = BOUNDARY;
    starts[0] = from;
    n = 1;
  }
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    const kind = kinds[unit]!;
    if (kind === Kind.latin || kind === Kind.digit) {
      symbols[n] = symbolOf[unit]!;
      starts[n++] = i;
      atBoundary = false;
    } else if (kind === Kind.boundary) {
      if (!atBoundary) {
        symbols[n] = BOUNDARY;
        starts[n++] = i;
        atBoundary = true;
      }
    } else if (kind === Kind.skip) {
      continue;
    } else if (kind === Kind.other) {
      symbols[n] = symbolOf[unit]!;
      starts[n++] = i;
      atBoundary = false;
      nonLatin = true;
    } else if (kind === Kind.leet) {
      // `$` and `@` also end a word ("nud3$"); a trailing `!` or `|` is punctuation.
      const symbol = symbolOf[unit]!;
      const endsWord = !atBoundary && n > 0 && (symbol === 0x24 || symbol === 0x40);
      if (endsWord || isLeetInWord(text, i + 1, kinds)) {
        symbols[n] = symbolOf[unit]!;
        starts[n++] = i;
        atBoundary = false;
      } else if (!atBoundary) {
        symbols[n] = BOUNDARY;
        starts[n++] = i;
        atBoundary = true;
      }
    } else {
      // Multi-symbol expansions and astral code points: the slow path, may grow the buffer.
      let folded: string;
      let width = 1;
      if (kind === Kind.multi) folded = table.multi.get(unit) ?? " ";
      else {
        const low = i + 1 < to ? text.charCodeAt(i + 1) : 0;
        if (low >= 0xdc00 && low <= 0xdfff) {
          folded = foldAstral(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
          width = 2;
        } else folded = " ";
      }
      out.length = n;
      ensureCapacity(out, n + MAX_EXPANSION + (to - i) + 2);
      symbols = out.symbols;
      starts = out.starts;
      for (let k = 0; k < folded.length; k++) {
        const symbol = folded.charCodeAt(k);
        if (symbol === BOUNDARY) {
          if (atBoundary) continue;
          atBoundary = true;
        } else {
          atBoundary = false;
          if (symbol >= 0x80) nonLatin = true;
        }
        symbols[n] = symbol;
        starts[n++] = i;
      }
      i += width - 1;
    }
  }
  if (padEnd && !atBoundary) {
    symbols[n] = BOUNDARY;
    starts[n++] = to;
  }
  out.length = n;
  out.hasNonLatin = nonLatin;
}
