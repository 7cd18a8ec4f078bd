// Aho-Corasick compiled to a full DFA over an equivalence-class alphabet, in typed arrays:
// - symbols that no pattern uses share class 0, BOUNDARY is class 1, each pattern symbol has a class;
// - transitions hold premultiplied state ids (state * classCount), so the scan loop never multiplies;
// - the sign bit of a transition marks "the target state has output", so the loop has one branch;
// - dictionary links chain a state to the nearest failure state with output (overlapping matches).
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
};

const HAS_OUTPUT = 0x80000000 | 0;

function buildClasses(patterns: readonly Uint16Array[]): { classOf: Uint16Array; classCount: number } {
  const seen = new Set<number>();
  for (const pattern of patterns) for (const symbol of pattern) if (symbol !== BOUNDARY) seen.add(symbol);
  const classOf = new Uint16Array(65536);
  classOf[BOUNDARY] = 1;
  let next = 2;
  for (const symbol of [...seen].sort((a, b) => a - b)) classOf[symbol] = next++;
  return { classOf, classCount: next };
}

function grow(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size).fill(-1);
  grown.set(array);
  return grown;
}

/** Compiles patterns (symbol sequences) into a DFA; pattern ids are their indexes. */
export function buildAutomaton(patterns: readonly Uint16Array[]): Automaton {
  const { classOf, classCount: C } = buildClasses(patterns);
  let capacity = 256;
  let delta = new Int32Array(capacity * C).fill(-1);
  let outFirst = new Int32Array(capacity).fill(-1);
  const outNext = new Int32Array(patterns.length).fill(-1);
  let stateCount = 1;
  let maxPatternLength = 0;
  patterns.forEach((pattern, id) => {
    let state = 0;
    for (const symbol of pattern) {
      const at = state * C + classOf[symbol]!;
      let target = delta[at]!;
      if (target === -1) {
        if (stateCount === capacity) {
          capacity *= 2;
          delta = grow(delta, capacity * C);
          outFirst = grow(outFirst, capacity);
        }
        target = stateCount++;
        delta[at] = target;
      }
      state = target;
    }
    outNext[id] = outFirst[state]!;
    outFirst[state] = id;
    maxPatternLength = Math.max(maxPatternLength, pattern.length);
  });
  const ordered = renumberBreadthFirst(delta, outFirst, C, stateCount);
  delta = ordered.delta;
  outFirst = ordered.outFirst;
  const dictLink = fillFailures(delta, outFirst, C, stateCount);
  return { classCount: C, classOf, delta, outFirst, outNext, dictLink, stateCount, maxPatternLength };
}

/**
 * Renumbers trie states in breadth-first order, so the shallow states a scan visits most sit
 * together at the start of the table (far fewer cache and TLB misses than insertion order).
 */
function renumberBreadthFirst(
  trie: Int32Array,
  outFirst: Int32Array,
  C: number,
  stateCount: number,
): { delta: Int32Array<ArrayBuffer>; outFirst: Int32Array<ArrayBuffer> } {
  const order = new Int32Array(stateCount);
  const newId = new Int32Array(stateCount);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const row = order[head]! * C;
    for (let c = 0; c < C; c++) {
      const target = trie[row + c]!;
      if (target === -1) continue;
      newId[target] = tail;
      order[tail++] = target;
    }
  }
  const delta = new Int32Array(stateCount * C);
  const outputs = new Int32Array(stateCount);
  for (let state = 0; state < stateCount; state++) {
    const from = order[state]! * C;
    const row = state * C;
    for (let c = 0; c < C; c++) {
      const target = trie[from + c]!;
      delta[row + c] = target === -1 ? -1 : newId[target]!;
    }
    outputs[state] = outFirst[order[state]!]!;
  }
  return { delta, outFirst: outputs };
}

/**
 * Breadth-first: completes every missing transition from the failure state and turns each row into
 * premultiplied, output-marked ids as it goes. A failure state is shallower than the state, so its
 * row is already final when it is copied, and a child's mark follows from its failure target's.
 * Returns dictionary links.
 */
function fillFailures(delta: Int32Array, outFirst: Int32Array, C: number, stateCount: number): Int32Array {
  const dictLink = new Int32Array(stateCount).fill(-1);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (let c = 0; c < C; c++) {
    const target = delta[c]!;
    if (target === -1) delta[c] = 0;
    else {
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
      if (target === -1) {
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
  return dictLink;
}
