// Rules -> symbol patterns, compiled through the same fold as the text they will be matched in.
// Whole words are literal BOUNDARY symbols at both ends; a wildcard simply drops the boundary on its
// side. Each view gets two automata: Latin (small alphabet, always run) and other scripts (run
// only around the text's symbols outside ASCII, since each of its patterns holds one), so Arabic
// or Gurmukhi entries never widen the English hot path's alphabet.
import type { AmbiguousSymbol } from "./ambiguous-states.js";
import { type Automaton, buildAutomaton } from "./automaton.js";
import { foldToSymbols } from "./fold-text.js";
import type { Rule, Term } from "./rule.js";
import { type StateOutputs, flattenOutputs } from "./state-outputs.js";
import { AMBIGUOUS_IL, BOUNDARY, isLatinSymbol } from "./symbols.js";

export type View = "strict" | "aggressive";

export type PatternInfo = {
  rule: number;
  /** Term index for a rule term; -1 - k for the rule's k-th `unless` phrase. */
  term: number;
  length: number;
  openStart: boolean;
  openEnd: boolean;
};

export type PatternGroup = {
  automaton: Automaton;
  patterns: PatternInfo[];
  /** What a hit on each state reports, for the per-hit loops (state-outputs.ts). */
  outputs: StateOutputs;
};

export type ViewAutomata = { latin: PatternGroup | null; other: PatternGroup | null };

/**
 * `1 ! |` fold to one symbol for "i or l", so in the aggressive view it also matches an i or l at
 * one of a phrase's first four i/l positions (a run of them, since the text collapses repeats).
 */
const AMBIGUOUS: AmbiguousSymbol = { symbol: AMBIGUOUS_IL, letters: [0x69, 0x6c], maxPositions: 4 };

/**
 * The symbol sequence for one term in one view, or null when it holds nothing to match. Whole
 * words keep the BOUNDARY symbols at both ends; a wildcard drops the one on its side.
 */
export function termPattern(term: Term, view: View): Uint16Array | null {
  const folded = foldToSymbols(term.words, view);
  let from = 0;
  let to = folded.length;
  if (term.openStart && folded[from] === BOUNDARY) from++;
  if (term.openEnd && to > from && folded[to - 1] === BOUNDARY) to--;
  for (let i = from; i < to; i++) {
    if (folded[i] !== BOUNDARY) return from === 0 && to === folded.length ? folded : folded.slice(from, to);
  }
  return null;
}

function isLatin(pattern: Uint16Array): boolean {
  for (const symbol of pattern) if (symbol !== BOUNDARY && !isLatinSymbol(symbol)) return false;
  return true;
}

/** Compiles every term and exception of `rules` for `view`. */
export function compileView(rules: readonly Rule[], view: View): ViewAutomata {
  const sets = { latin: { arrays: [] as Uint16Array[], infos: [] as PatternInfo[] } };
  const other = { arrays: [] as Uint16Array[], infos: [] as PatternInfo[] };
  const add = (ruleIndex: number, termIndex: number, term: Term) => {
    const array = termPattern(term, view);
    if (array === null) return;
    const target = isLatin(array) ? sets.latin : other;
    target.arrays.push(array);
    const { openStart, openEnd } = term;
    target.infos.push({ rule: ruleIndex, term: termIndex, length: array.length, openStart, openEnd });
  };
  rules.forEach((rule, ruleIndex) => {
    rule.terms.forEach((term, termIndex) => {
      add(ruleIndex, termIndex, term);
    });
    rule.unless.forEach((term, k) => {
      add(ruleIndex, -1 - k, term);
    });
  });
  const group = (set: typeof other): PatternGroup | null => {
    if (set.arrays.length === 0) return null;
    const automaton = buildAutomaton(set.arrays, view === "aggressive" ? AMBIGUOUS : undefined);
    // Outputs of states the ambiguous symbol made: copies of patterns, some matched shorter.
    const patterns = set.infos.slice();
    automaton.copyOf.forEach((id, k) => {
      const info = set.infos[id]!;
      patterns.push({ ...info, length: info.length - automaton.copyShrink[k]! });
    });
    return { automaton, patterns, outputs: flattenOutputs(automaton, patterns) };
  };
  return { latin: group(sets.latin), other: group(other) };
}
