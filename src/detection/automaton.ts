// Aho-Corasick compiled to a full DFA over an equivalence-class alphabet, in typed arrays:
// - symbols that no pattern uses share class 0, BOUNDARY is class 1, each pattern symbol has a class;
// - transitions hold premultiplied state ids (state * classCount), so the scan loop never multiplies;
// - the sign bit of a transition marks "the target state has output", so the loop has one branch;
// - dictionary links chain a state to the nearest failure state with output (overlapping matches).
// An ambiguous symbol (the aggressive view's "i or l") is matched by transition, not by compiling
// variants of each pattern: see ambiguous-states.ts.
import { type AmbiguousSymbol, addAmbiguousStates } from "./ambiguous-states.js";
import { BOUNDARY } from "./symbols.js";

export type Automaton = {
  classCount: number;
  /** Symbol (UTF-16 code unit) -> class. */
  classOf: Uint16Array;
  /** stateId + class -> next stateId, sign bit set when that state has output. */
  delta: Int32Array;
  /** State index -> first pattern ending there, or -1. */
  outFirst: Int32Array;
  /** Pattern -> next pattern ending at the same state, or -1. */
  outNext: Int32Array;
  /** State index -> nearest failure state with output, or -1. */
  dictLink: Int32Array;
  stateCount: number;
  /** Longest pattern, in symbols (bounds how far back a match can start). */
  maxPatternLength: number;
  /**
   * Output ids from `patterns.length` on are copies made for states an ambiguous symbol created:
   * id `patterns.length + k` is pattern `copyOf[k]`, matched `copyShrink[k]` symbols shorter.
   */
  copyOf: Int32Array;
  copyShrink: Int32Array;
};

const HAS_OUTPUT = 0x80000000 | 0;

function buildClasses(
  patterns: readonly Uint16Array[],
  ambiguous: AmbiguousSymbol | undefined,
): { classOf: Uint16Array; classCount: number } {
  const seen = new Set<number>();
  for (const pattern of patterns) for (const symbol of pattern) if (symbol !== BOUNDARY) seen.add(symbol);
  if (ambiguous && ambiguous.letters.some((letter) => seen.has(letter))) seen.add(ambiguous.symbol);
  const classOf = new Uint16Array(65536);
  classOf[BOUNDARY] = 1;
  let next = 2;
  for (const symbol of [...seen].sort((a, b) => a - b)) classOf[symbol] = next++;
  return { classOf, classCount: next };
}

/**
 * Compiles patterns (symbol sequences) into a DFA; pattern ids are their indexes. With `ambiguous`,
 * the text's ambiguous symbol also matches its letters (see ambiguous-states.ts).
 */
export function buildAutomaton(patterns: readonly Uint16Array[], ambiguous?: AmbiguousSymbol): Automaton {
  const { classOf, classCount: C } = buildClasses(patterns, ambiguous);
  // Every symbol of every pattern adds at most one state, so the trie never outgrows this. While the
  // trie is built, 0 means "no child" (the root is nobody's child), so the fresh zeroed array needs
  // no fill and nothing is copied to grow it.
  let capacity = 1;
  for (const pattern of patterns) capacity += pattern.length;
  let delta = new Int32Array(capacity * C);
  let outFirst = new Int32Array(capacity).fill(-1);
  const outNext = new Int32Array(patterns.length).fill(-1);
  let stateCount = 1;
  let maxPatternLength = 0;
  for (let id = 0; id < patterns.length; id++) {
    const pattern = patterns[id]!;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const at = state * C + classOf[pattern[i]!]!;
      let target = delta[at]!;
      if (target === 0) {
        target = stateCount++;
        delta[at] = target;
      }
      state = target;
    }
    outNext[id] = outFirst[state]!;
    outFirst[state] = id;
    maxPatternLength = Math.max(maxPatternLength, pattern.length);
  }
  delta = delta.slice(0, stateCount * C);
  outFirst = outFirst.slice(0, stateCount);
  const { dictLink, failOf } = fillFailures(delta, outFirst, C, stateCount);
  const automaton: Automaton = {
    classCount: C,
    classOf,
    delta,
    outFirst,
    outNext,
    dictLink,
    stateCount,
    maxPatternLength,
    copyOf: new Int32Array(0),
    copyShrink: new Int32Array(0),
  };
  const ambiguousClass = ambiguous ? classOf[ambiguous.symbol]! : 0;
  if (!ambiguous || ambiguousClass === 0) return automaton;
  return addAmbiguousStates(automaton, patterns, ambiguous, failOf);
}

/**
 * Breadth-first: completes every missing transition from the failure state and turns each row into
 * premultiplied, output-marked ids as it goes. A failure state is shallower than the state, so its
 * row is already final when it is copied, and a child's mark follows from its failure target's.
 * Returns dictionary links.
 */
function fillFailures(
  delta: Int32Array,
  outFirst: Int32Array,
  C: number,
  stateCount: number,
): { dictLink: Int32Array; failOf: Int32Array } {
  const dictLink = new Int32Array(stateCount).fill(-1);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (let c = 0; c < C; c++) {
    const target = delta[c]!;
    if (target !== 0) {
      queue[tail++] = target;
      delta[c] = outFirst[target] !== -1 ? (target * C) | HAS_OUTPUT : target * C;
    }
  }
  // fail[] is implicit: a child's failure target is read from the failure row, already final.
  const failOf = new Int32Array(stateCount);
  while (head < tail) {
    const state = queue[head++]!;
    const row = state * C;
    const failRow = failOf[state]!;
    for (let c = 0; c < C; c++) {
      const target = delta[row + c]!;
      const viaFailure = delta[failRow + c]!;
      if (target === 0) {
        delta[row + c] = viaFailure;
        continue;
      }
      const failure = viaFailure & 0x7fffffff;
      const failureState = failure / C;
      failOf[target] = failure;
      dictLink[target] = outFirst[failureState] !== -1 ? failureState : dictLink[failureState]!;
      const marked = outFirst[target] !== -1 || viaFailure < 0;
      delta[row + c] = marked ? (target * C) | HAS_OUTPUT : target * C;
      queue[tail++] = target;
    }
  }
  return { dictLink, failOf };
}
