// The folded alphabet. Folded text is a sequence of UTF-16 code units ("symbols"): lower-case letters
// and digits of any script, a few leet symbols kept distinct, and three reserved control code units
// that can never survive folding as themselves (control characters fold to a boundary).

/** Every run of spaces, punctuation and control characters folds to this one symbol. */
export const BOUNDARY = 0x20;

/** Aggressive view only: `1`, `!` or `|` standing in for either `i` or `l`. */
export const AMBIGUOUS_IL = 0x01;

/** A letter from the astral plane that has no BMP folding (historic scripts, CJK extensions). */
export const OTHER_LETTER = 0xfffd;

const LEET_TO_LETTER: readonly (readonly [string, number])[] = [
  ["0", 0x6f],
  ["1", AMBIGUOUS_IL],
  ["3", 0x65],
  ["4", 0x61],
  ["5", 0x73],
  ["6", 0x62],
  ["7", 0x74],
  ["8", 0x62],
  ["9", 0x67],
  ["$", 0x73],
  ["@", 0x61],
  ["!", AMBIGUOUS_IL],
  ["|", AMBIGUOUS_IL],
];

/** Aggressive view: symbol below 128 -> the letter it imitates (0 when it imitates none). */
export const LEET_MAP: Uint16Array = (() => {
  const map = new Uint16Array(128);
  for (const [symbol, letter] of LEET_TO_LETTER) map[symbol.charCodeAt(0)] = letter;
  return map;
})();

/** Punctuation that is kept as a word symbol when a word character follows it (`$hit`, `sh!t`). */
export const LEET_SYMBOLS = "$@!|";

/** Whether a word symbol counts as a letter (digits and leet symbols do not). */
export function isLetterSymbol(symbol: number): boolean {
  if (symbol < 0x80) return symbol >= 0x61 && symbol <= 0x7a;
  return true;
}

/** Whether a symbol belongs to the Latin automaton (ASCII after folding, plus the reserved symbols). */
export function isLatinSymbol(symbol: number): boolean {
  return symbol < 0x80;
}
