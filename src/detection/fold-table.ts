// One table entry per BMP code unit, built once from the platform's Unicode data (NFKD, case
// mapping) plus hand-made look-alike and ignorable lists. The scan loop then does one lookup per
// code unit and never calls normalize() or a regex.
import { CONFUSABLES, IGNORABLE_RANGES, DIACRITIC_RANGES } from "./fold-data.js";
import { BOUNDARY, LEET_SYMBOLS, OTHER_LETTER } from "./symbols.js";

/** What the scan loop does with a code unit. */
export const Kind = {
  /** A letter or mark that folds to one Latin/ASCII symbol. */
  latin: 0,
  boundary: 1,
  /** Zero-width, bidi control, combining diacritic: dropped without a trace. */
  skip: 2,
  /** `$ @ ! |`: a word symbol when a word character follows, else a boundary. */
  leet: 3,
  /** Folds to several symbols (ligatures, `ß`, compatibility sequences). */
  multi: 4,
  highSurrogate: 5,
  /** A letter that folds to one symbol outside ASCII (Arabic, Gurmukhi, Cyrillic...). */
  other: 6,
  digit: 7,
} as const;

export type FoldTable = {
  kind: Uint8Array;
  symbol: Uint16Array;
  multi: Map<number, string>;
  /**
   * The scan loop's single lookup: a word symbol (> BOUNDARY), BOUNDARY, SKIP_CODE (0), or a
   * negative code for the slow paths (LEET_CODE, SLOW_CODE).
   */
  code: Int32Array;
};

export const SKIP_CODE = 0;
export const LEET_CODE = -1;
/** Multi-symbol expansions and surrogates. */
export const SLOW_CODE = -2;

function codeFor(kind: number, symbol: number): number {
  if (kind === Kind.latin || kind === Kind.digit || kind === Kind.other) return symbol;
  if (kind === Kind.boundary) return BOUNDARY;
  if (kind === Kind.skip) return SKIP_CODE;
  return kind === Kind.leet ? LEET_CODE : SLOW_CODE;
}

/** Longest expansion kept; longer compatibility sequences (Arabic ligature phrases) become a boundary. */
export const MAX_EXPANSION = 4;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

function stripDiacritics(s: string): string {
  let out = "";
  for (const ch of s) if (!inRanges(ch.codePointAt(0)!, DIACRITIC_RANGES)) out += ch;
  return out;
}

function foldLetters(s: string): string {
  let out = "";
  for (const ch of s) {
    const mapped = CONFUSABLES.get(ch);
    out += mapped ?? ch;
  }
  return out;
}

/** Folds one code point to its symbols: "" to drop it, " " for a boundary, else word symbols. */
export function foldCodePoint(cp: number): string {
  if (inRanges(cp, IGNORABLE_RANGES)) return "";
  const raw = String.fromCodePoint(cp);
  // Upper-case look-alikes differ from lower-case ones (Greek Eta looks like H, eta like n).
  const direct = CONFUSABLES.get(raw);
  if (direct !== undefined) return direct;
  let folded = stripDiacritics(raw.normalize("NFKD"));
  folded = stripDiacritics(folded.toUpperCase().toLowerCase().normalize("NFKD"));
  folded = foldLetters(folded);
  let out = "";
  for (const ch of folded) {
    if (inRanges(ch.codePointAt(0)!, IGNORABLE_RANGES)) continue;
    if (!WORD_CHAR.test(ch)) out += LEET_SYMBOLS.includes(ch) && folded.length === 1 ? ch : " ";
    else if (ch.length === 2) out += String.fromCharCode(OTHER_LETTER);
    else out += ch;
  }
  if (out.length > MAX_EXPANSION) return " ";
  return out;
}

function classify(table: FoldTable, unit: number, folded: string): void {
  if (folded.length === 0) {
    table.kind[unit] = Kind.skip;
    return;
  }
  if (folded.length > 1) {
    table.kind[unit] = folded.trim().length === 0 ? Kind.boundary : Kind.multi;
    table.symbol[unit] = BOUNDARY;
    if (table.kind[unit] === Kind.multi) table.multi.set(unit, folded);
    return;
  }
  const symbol = folded.charCodeAt(0);
  table.symbol[unit] = symbol;
  if (symbol === BOUNDARY) table.kind[unit] = Kind.boundary;
  else if (LEET_SYMBOLS.includes(folded)) table.kind[unit] = Kind.leet;
  else if (symbol >= 0x30 && symbol <= 0x39) table.kind[unit] = Kind.digit;
  else table.kind[unit] = symbol < 0x80 ? Kind.latin : Kind.other;
}

let shared: FoldTable | undefined;

/** The fold table, built on first use (about 65k `normalize` calls, a few tens of milliseconds). */
export function getFoldTable(): FoldTable {
  if (shared) return shared;
  const table: FoldTable = {
    kind: new Uint8Array(65536),
    symbol: new Uint16Array(65536),
    multi: new Map(),
    code: new Int32Array(65536),
  };
  for (let unit = 0; unit < 65536; unit++) {
    if (unit >= 0xd800 && unit <= 0xdfff) {
      table.kind[unit] = unit <= 0xdbff ? Kind.highSurrogate : Kind.boundary;
      table.symbol[unit] = BOUNDARY;
      continue;
    }
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) {
      table.kind[unit] = Kind.boundary;
      table.symbol[unit] = BOUNDARY;
      continue;
    }
    classify(table, unit, foldCodePoint(unit));
  }
  for (let unit = 0; unit < 65536; unit++) table.code[unit] = codeFor(table.kind[unit]!, table.symbol[unit]!);
  shared = table;
  return table;
}

const astralCache = new Map<number, string>();
const ASTRAL_CACHE_LIMIT = 4096;

/** Folds an astral code point (mathematical alphanumerics, enclosed letters, emoji). */
export function foldAstral(cp: number): string {
  const cached = astralCache.get(cp);
  if (cached !== undefined) return cached;
  const folded = foldCodePoint(cp);
  if (astralCache.size < ASTRAL_CACHE_LIMIT) astralCache.set(cp, folded);
  return folded;
}
