// Folding short strings (library terms, examples) outside the scan loop.
import { createFoldBuffer } from "./fold-buffer.js";
import { foldAggressive } from "./fold-aggressive.js";
import { foldStrict } from "./fold-strict.js";

const strict = createFoldBuffer(256);
const aggressive = createFoldBuffer(256);

/** The strict view of `text` as a string of symbols, with a boundary at each end. */
export function foldStrictText(text: string): string {
  foldStrict(text, 0, text.length, true, true, strict);
  return String.fromCharCode(...strict.symbols.subarray(0, strict.length));
}

/** The aggressive view of `text` as a string of symbols, with a boundary at each end. */
export function foldAggressiveText(text: string): string {
  foldStrict(text, 0, text.length, true, true, strict);
  foldAggressive(text, strict, aggressive);
  return String.fromCharCode(...aggressive.symbols.subarray(0, aggressive.length));
}
