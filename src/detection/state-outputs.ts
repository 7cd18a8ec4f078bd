// What a hit on each automaton state reports, laid out for the loops after the scan. A state's
// outputs are the patterns ending there and, along its dictionary links, at each shorter suffix
// that is also a pattern. Walking those chains meant three dependent loads per output, in arrays
// indexed all over the table, and the hits were walked three times (mark, window check, resolve).
// Here each state's outputs are one contiguous run, in the order the chains gave them, with the
// rule and term bit beside each pattern id, so the per-hit loops read consecutive entries.
import type { Automaton } from "./automaton.js";
import type { PatternInfo } from "./compile-patterns.js";

export type StateOutputs = {
  /** State -> first entry of its outputs; they end where the next state's begin (`at[state + 1]`). */
  at: Int32Array;
  /** Per entry: the pattern id. */
  pattern: Int32Array;
  /** Per entry: the pattern's rule. */
  rule: Int32Array;
  /** Per entry: the pattern's term bit in its rule's term mask, or 0 for an exception. */
  termBit: Uint32Array;
};

/** Flattens every state's output chain (own patterns first, then along the dictionary links). */
export function flattenOutputs(automaton: Automaton, patterns: readonly PatternInfo[]): StateOutputs {
  const { outFirst, outNext, dictLink, stateCount } = automaton;
  const at = new Int32Array(stateCount + 1);
  let total = 0;
  for (let state = 0; state < stateCount; state++) {
    at[state] = total;
    // Most states report nothing: one check each, in a table of millions of states.
    if (outFirst[state] === -1 && dictLink[state] === -1) continue;
    for (let link = firstWithOutput(automaton, state); link !== -1; link = dictLink[link]!) {
      for (let id = outFirst[link]!; id !== -1; id = outNext[id]!) total++;
    }
  }
  at[stateCount] = total;
  // Per pattern first, in pattern order: read per entry from the objects, in state order, they
  // were a cache miss each.
  const ruleOfPattern = new Int32Array(patterns.length);
  const bitOfPattern = new Uint32Array(patterns.length);
  for (let id = 0; id < patterns.length; id++) {
    const info = patterns[id]!;
    ruleOfPattern[id] = info.rule;
    bitOfPattern[id] = info.term < 0 ? 0 : 1 << info.term;
  }
  const pattern = new Int32Array(total);
  const rule = new Int32Array(total);
  const termBit = new Uint32Array(total);
  let entry = 0;
  for (let state = 0; state < stateCount; state++) {
    if (at[state] === at[state + 1]) continue;
    for (let link = firstWithOutput(automaton, state); link !== -1; link = dictLink[link]!) {
      for (let id = outFirst[link]!; id !== -1; id = outNext[id]!) {
        pattern[entry] = id;
        rule[entry] = ruleOfPattern[id]!;
        termBit[entry] = bitOfPattern[id]!;
        entry++;
      }
    }
  }
  return { at, pattern, rule, termBit };
}

/** The state itself when patterns end there, else the nearest state along its dictionary links. */
function firstWithOutput(automaton: Automaton, state: number): number {
  return automaton.outFirst[state] !== -1 ? state : automaton.dictLink[state]!;
}
