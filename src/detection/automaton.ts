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
  const trie = new Int32Array(capacity * C);
  const trieOut = new Int32Array(capacity).fill(-1);
  const outNext = new Int32Array(patterns.length).fill(-1);
  let stateCount = 1;
  let maxPatternLength = 0;
  for (let id = 0; id < patterns.length; id++) {
    const pattern = patterns[id]!;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const at = state * C + classOf[pattern[i]!]!;
      let target = trie[at]!;
      if (target === 0) {
        target = stateCount++;
        trie[at] = target;
      }
      state = target;
    }
    outNext[id] = trieOut[state]!;
    trieOut[state] = id;
    maxPatternLength = Math.max(maxPatternLength, pattern.length);
  }
  const { delta: dfa, outFirst: dfaOut, dictLink, failOf } = fillFailures(trie, trieOut, C, stateCount);
  const automaton: Automaton = {
    classCount: C,
    classOf,
    delta: dfa,
    outFirst: dfaOut,
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
 * Breadth-first: numbers the states in breadth-first order and writes each row complete, with
 * premultiplied, output-marked ids; a missing transition is copied from the failure state's row.
 * A failure state is shallower than the state, so its row is already final when it is read, and a
 * child's mark follows from its failure target's. Breadth-first numbering keeps the shallow states,
 * where ordinary text spends nearly all its time, together in a small part of the table.
 */
function fillFailures(
  trie: Int32Array,
  trieOut: Int32Array,
  C: number,
  stateCount: number,
): { delta: Int32Array; outFirst: Int32Array; dictLink: Int32Array; failOf: Int32Array } {
  const delta = new Int32Array(stateCount * C);
  const outFirst = new Int32Array(stateCount).fill(-1);
  const dictLink = new Int32Array(stateCount).fill(-1);
  // Premultiplied failure target of each state; the root's children fail to the root (0).
  const failOf = new Int32Array(stateCount);
  // trieState[id] is the trie node that became state `id`.
  const trieState = new Int32Array(stateCount);
  outFirst[0] = trieOut[0]!;
  let next = 1;
  for (let state = 0; state < next; state++) {
    const row = state * C;
    const trieRow = trieState[state]! * C;
    const failRow = failOf[state]!;
    for (let c = 0; c < C; c++) {
      const child = trie[trieRow + c]!;
      // The root's missing transitions stay 0: back to the root.
      const viaFailure = state === 0 ? 0 : delta[failRow + c]!;
      if (child === 0) {
        delta[row + c] = viaFailure;
        continue;
      }
      const id = next++;
      trieState[id] = child;
      outFirst[id] = trieOut[child]!;
      const failure = viaFailure & 0x7fffffff;
      const failureState = failure / C;
      failOf[id] = failure;
      if (state !== 0) dictLink[id] = outFirst[failureState] !== -1 ? failureState : dictLink[failureState]!;
      const marked = outFirst[id] !== -1 || viaFailure < 0;
      delta[row + c] = marked ? (id * C) | HAS_OUTPUT : id * C;
    }
  }
  return { delta, outFirst, dictLink, failOf };
}
