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
  delta = delta.slice(0, stateCount * C);
  outFirst = outFirst.slice(0, stateCount);
  const dictLink = fillFailures(delta, outFirst, C, stateCount);
  for (let at = 0; at < delta.length; at++) {
    const target = delta[at]!;
    const marked = outFirst[target] !== -1 || dictLink[target] !== -1;
    delta[at] = marked ? (target * C) | HAS_OUTPUT : target * C;
  }
  return { classCount: C, classOf, delta, outFirst, outNext, dictLink, stateCount, maxPatternLength };
}

/** Breadth-first: completes every missing transition from the failure state; returns dictionary links. */
function fillFailures(delta: Int32Array, outFirst: Int32Array, C: number, stateCount: number): Int32Array {
  const fail = new Int32Array(stateCount);
  const dictLink = new Int32Array(stateCount).fill(-1);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (let c = 0; c < C; c++) {
    const target = delta[c]!;
    if (target === -1) delta[c] = 0;
    else queue[tail++] = target;
  }
  while (head < tail) {
    const state = queue[head++]!;
    const failure = fail[state]!;
    if (state !== 0) dictLink[state] = outFirst[failure] !== -1 ? failure : dictLink[failure]!;
    const row = state * C;
    const failRow = failure * C;
    for (let c = 0; c < C; c++) {
      const target = delta[row + c]!;
      if (target === -1) delta[row + c] = delta[failRow + c]!;
      else {
        fail[target] = delta[failRow + c]!;
        queue[tail++] = target;
      }
    }
  }
  return dictLink;
}
