// Co-occurrence rules name common words ("i", "of", "want"), so in a 64k chunk every term of such a
// rule is nearly always present somewhere, and resolving each occurrence into a hit object was most
// of the scan's cost. Before that, this asks the question the evaluation would settle last, exactly
// and without allocating: does any window of `within` words hold every term? Rules with no such
// window cannot match (a window over a subset of hits needs one over all of them), so they are
// dropped; the others are resolved and evaluated as before, so results are unchanged.
import type { HitBuffer } from "./automaton-scan.js";
import type { PatternGroup, View } from "./compile-patterns.js";
import type { FoldBuffer } from "./fold-buffer.js";
import { type MarkedStates, hitStartSymbol } from "./resolve-hits.js";
import type { WordIndex } from "./word-index.js";

/** Term indexes are packed below the word index (rules have at most 8 terms). */
const TERM_BITS = 4;
const TERM_MASK = (1 << TERM_BITS) - 1;

/** Reusable arrays: entries are (rule, word << TERM_BITS | term), grouped by rule afterwards. */
export type WindowScratch = {
  rule: Int32Array;
  packed: Int32Array;
  grouped: Int32Array;
  count: number;
  /** Per rule: number of entries, then the rule's offset in `grouped`. */
  perRule: Int32Array;
  /** Per rule: 1 when it is a candidate, 2 once a window was found. */
  state: Uint8Array;
  termCounts: Int32Array;
};

export function createWindowScratch(ruleCount: number): WindowScratch {
  return {
    rule: new Int32Array(4096),
    packed: new Int32Array(4096),
    grouped: new Int32Array(4096),
    count: 0,
    perRule: new Int32Array(ruleCount),
    state: new Uint8Array(ruleCount),
    termCounts: new Int32Array(1 << TERM_BITS),
  };
}

export const CANDIDATE = 1;
export const HAS_WINDOW = 2;

function push(scratch: WindowScratch, rule: number, packed: number): void {
  if (scratch.count === scratch.rule.length) {
    const size = scratch.count * 2;
    const rules = new Int32Array(size);
    rules.set(scratch.rule);
    const values = new Int32Array(size);
    values.set(scratch.packed);
    scratch.rule = rules;
    scratch.packed = values;
    scratch.grouped = new Int32Array(size);
  }
  scratch.rule[scratch.count] = rule;
  scratch.packed[scratch.count++] = packed;
}

/**
 * Records the word of every term occurrence of candidate rules in one run's hits, passing over the
 * states `selectStates` left out.
 */
export function collectTermWords(
  group: PatternGroup,
  buffer: FoldBuffer,
  hits: HitBuffer,
  view: View,
  words: WordIndex,
  states: MarkedStates,
  scratch: WindowScratch,
): void {
  const classCount = group.automaton.classCount;
  const { at, pattern, rule, termBit } = group.outputs;
  const { marked } = states;
  const selected = -states.stamp;
  const state = scratch.state;
  for (let h = 0; h < hits.count; h++) {
    const node = (hits.data[h * 2]! / classCount) | 0;
    if (marked[node] !== selected) continue;
    const end = hits.data[h * 2 + 1]!;
    const last = at[node + 1]!;
    for (let k = at[node]!; k < last; k++) {
      // Most outputs belong to rules that are not candidates: decided from typed arrays,
      // without reaching for the pattern's object.
      if (termBit[k] === 0 || state[rule[k]!] !== CANDIDATE) continue;
      const info = group.patterns[pattern[k]!]!;
      const from = hitStartSymbol(buffer, info, end, view);
      if (from < 0) continue;
      const word = view === "strict" ? words.wordOfSymbol(from) : words.wordAt(buffer.starts[from]!);
      push(scratch, info.rule, (word << TERM_BITS) | info.term);
    }
  }
}

function hasWindow(sorted: Int32Array, termCount: number, within: number, counts: Int32Array): boolean {
  counts.fill(0);
  let covered = 0;
  let left = 0;
  for (let right = 0; right < sorted.length; right++) {
    const added = sorted[right]! & TERM_MASK;
    if (counts[added]!++ === 0) covered++;
    while (covered === termCount) {
      if ((sorted[right]! >> TERM_BITS) - (sorted[left]! >> TERM_BITS) <= within) return true;
      const removed = sorted[left]! & TERM_MASK;
      if (--counts[removed]! === 0) covered--;
      left++;
    }
  }
  return false;
}

/** Marks HAS_WINDOW on each candidate among the first `ruleCount` of `rules` whose recorded terms fit one window. */
export function checkWindows(
  rules: Int32Array,
  ruleCount: number,
  termCount: Uint8Array,
  within: Int32Array,
  scratch: WindowScratch,
): void {
  const { perRule, state } = scratch;
  const count = scratch.count;
  for (let e = 0; e < count; e++) perRule[scratch.rule[e]!]!++;
  let offset = 0;
  for (let r = 0; r < ruleCount; r++) {
    const rule = rules[r]!;
    if (state[rule] !== CANDIDATE) continue;
    const size = perRule[rule]!;
    perRule[rule] = offset;
    offset += size;
  }
  const grouped = scratch.grouped;
  for (let e = 0; e < count; e++) grouped[perRule[scratch.rule[e]!]!++] = scratch.packed[e]!;
  let start = 0;
  for (let r = 0; r < ruleCount; r++) {
    const rule = rules[r]!;
    if (state[rule] !== CANDIDATE) continue;
    const end = perRule[rule]!;
    perRule[rule] = 0;
    const sorted = grouped.subarray(start, end).sort();
    if (hasWindow(sorted, termCount[rule]!, within[rule]!, scratch.termCounts)) state[rule] = HAS_WINDOW;
    start = end;
  }
  scratch.count = 0;
}
