// Folding short strings (library terms, examples) outside the scan loop.
import { createFoldBuffer } from "./fold-buffer.js";
import { foldAggressive } from "./fold-aggressive.js";
import { foldStrict } from "./fold-strict.js";

const strict = createFoldBuffer(256);
const aggressive = createFoldBuffer(256);

/** The view of `text` as an array of symbols, with a boundary at each end (a fresh copy). */
export function foldToSymbols(text: string, view: "strict" | "aggressive"): Uint16Array {
  foldStrict(text, 0, text.length, true, true, strict);
  if (view === "strict") return strict.symbols.slice(0, strict.length);
  foldAggressive(text, strict, aggressive);
  return aggressive.symbols.slice(0, aggressive.length);
}

/** The strict view of `text` as a string of symbols, with a boundary at each end. */
export function foldStrictText(text: string): string {
  return String.fromCharCode(...foldToSymbols(text, "strict"));
}

/** The aggressive view of `text` as a string of symbols, with a boundary at each end. */
export function foldAggressiveText(text: string): string {
  return String.fromCharCode(...foldToSymbols(text, "aggressive"));
}
