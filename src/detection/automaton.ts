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
/** Spare transition rows for an ambiguous symbol's states, as a share of the trie's states. */
const AMBIGUOUS_ROOM = 0.2;

function buildClasses(
  patterns: readonly Uint16Array[],
  ambiguous: AmbiguousSymbol | undefined,
): { classOf: Uint16Array; classCount: number } {
  const seen = new Uint8Array(65536);
  for (const pattern of patterns) for (let i = 0; i < pattern.length; i++) seen[pattern[i]!] = 1;
  seen[BOUNDARY] = 0;
  if (ambiguous && ambiguous.letters.some((letter) => seen[letter] === 1)) seen[ambiguous.symbol] = 1;
  const classOf = new Uint16Array(65536);
  classOf[BOUNDARY] = 1;
  let next = 2;
  for (let symbol = 0; symbol < 65536; symbol++) if (seen[symbol] === 1) classOf[symbol] = next++;
  return { classOf, classCount: next };
}

/**
 * Compiles patterns (symbol sequences) into a DFA; pattern ids are their indexes. With `ambiguous`,
 * the text's ambiguous symbol also matches its letters (see ambiguous-states.ts).
 */
export function buildAutomaton(patterns: readonly Uint16Array[], ambiguous?: AmbiguousSymbol): Automaton {
  const { classOf, classCount: C } = buildClasses(patterns, ambiguous);
  const trie = buildTrie(patterns, classOf, C);
  // The ambiguous symbol's states are added after the trie's (about one in nine more on the
  // libraries measured): room for them is made now, so that their rows need no copy of the table.
  const spareRows = ambiguous ? Math.ceil(trie.stateCount * AMBIGUOUS_ROOM) : 0;
  const { delta, dictLink, failOf } = fillFailures(trie, C, spareRows);
  let maxPatternLength = 0;
  for (const pattern of patterns) maxPatternLength = Math.max(maxPatternLength, pattern.length);
  const automaton: Automaton = {
    classCount: C,
    classOf,
    delta,
    outFirst: trie.outFirst,
    outNext: trie.outNext,
    dictLink,
    stateCount: trie.stateCount,
    maxPatternLength,
    copyOf: new Int32Array(0),
    copyShrink: new Int32Array(0),
  };
  const ambiguousClass = ambiguous ? classOf[ambiguous.symbol]! : 0;
  if (!ambiguous || ambiguousClass === 0) return automaton;
  return addAmbiguousStates(automaton, patterns, ambiguous, { ...trie, failOf });
}

/** The patterns' trie, its states numbered breadth-first (children in class order), as the DFA is. */
export type Trie = {
  stateCount: number;
  /** State -> its parent. A state's children have consecutive numbers. */
  parent: Int32Array;
  /** State -> the class of the edge from its parent. */
  edgeClass: Uint16Array;
  /** State -> its depth, in symbols. */
  depth: Int32Array;
  /** As in `Automaton`. */
  outFirst: Int32Array;
  outNext: Int32Array;
};

/**
 * Numbers the trie breadth-first without building it as a table: in patterns sorted by their class
 * sequences, the nodes of each depth appear in breadth-first order, and a pattern adds nodes only
 * below its common prefix with the one before it. Every array is then written in order, which is
 * what makes this fast: a trie table filled in pattern order and read breadth-first missed the cache
 * on nearly every state.
 */
function buildTrie(patterns: readonly Uint16Array[], classOf: Uint16Array, C: number): Trie {
  const P = patterns.length;
  const start = new Int32Array(P + 1);
  for (let id = 0; id < P; id++) start[id + 1] = start[id]! + patterns[id]!.length;
  const classes = new Uint16Array(start[P]!);
  for (let id = 0; id < P; id++) {
    const pattern = patterns[id]!;
    const at = start[id]!;
    for (let i = 0; i < pattern.length; i++) classes[at + i] = classOf[pattern[i]!]!;
  }
  const sorted = sortByClasses(classes, start, C);
  // shared[k]: how many leading symbols the k-th sorted pattern shares with the one before it.
  const shared = new Int32Array(P);
  let maxLength = 0;
  for (let k = 0; k < P; k++) maxLength = Math.max(maxLength, patterns[sorted[k]!]!.length);
  const nextAtDepth = new Int32Array(maxLength + 2);
  for (let k = 0; k < P; k++) {
    const id = sorted[k]!;
    const length = start[id + 1]! - start[id]!;
    let common = 0;
    if (k > 0) {
      const before = sorted[k - 1]!;
      const limit = Math.min(length, start[before + 1]! - start[before]!);
      const a = start[id]!;
      const b = start[before]!;
      while (common < limit && classes[a + common] === classes[b + common]) common++;
    }
    shared[k] = common;
    // Counts the new nodes per depth (as differences, summed below).
    nextAtDepth[common + 1]!++;
    nextAtDepth[length + 1]!--;
  }
  // nextAtDepth[d] becomes the first state number at depth d (the root is state 0).
  let count = 0;
  let stateCount = 1;
  for (let d = 1; d <= maxLength; d++) {
    count += nextAtDepth[d]!;
    nextAtDepth[d] = stateCount;
    stateCount += count;
  }
  const parent = new Int32Array(stateCount);
  const edgeClass = new Uint16Array(stateCount);
  const depth = new Int32Array(stateCount);
  const endOf = new Int32Array(P);
  const path = new Int32Array(maxLength + 1);
  for (let k = 0; k < P; k++) {
    const id = sorted[k]!;
    const at = start[id]!;
    const length = start[id + 1]! - at;
    for (let d = shared[k]! + 1; d <= length; d++) {
      const state = nextAtDepth[d]!++;
      parent[state] = path[d - 1]!;
      edgeClass[state] = classes[at + d - 1]!;
      depth[state] = d;
      path[d] = state;
    }
    endOf[id] = path[length]!;
  }
  // Each state's outputs chained from the latest pattern to the earliest.
  const outFirst = new Int32Array(stateCount).fill(-1);
  const outNext = new Int32Array(P);
  for (let id = 0; id < P; id++) {
    const end = endOf[id]!;
    outNext[id] = outFirst[end]!;
    outFirst[end] = id;
  }
  return { stateCount, parent, edgeClass, depth, outFirst, outNext };
}

/**
 * Pattern ids sorted by their class sequences (a prefix first; equal patterns by id). A native sort
 * of numbers does the work: each key packs a pattern's first classes (class + 1, so that an ended
 * pattern sorts first) above its id, and only runs of keys with equal leading classes are compared
 * further.
 */
function sortByClasses(classes: Uint16Array, start: Int32Array, C: number): Int32Array {
  const P = start.length - 1;
  const classBase = C + 1;
  const idBase = 2 ** Math.ceil(Math.log2(P + 1));
  // The leading classes that fit in a double's 53 exact bits, with the id below them.
  let leading = 0;
  let prefixBase = 1;
  while (prefixBase * classBase * idBase <= 2 ** 53) {
    prefixBase *= classBase;
    leading++;
  }
  const keys = new Float64Array(P);
  for (let id = 0; id < P; id++) {
    let prefix = 0;
    for (let i = 0, at = start[id]!; i < leading; i++, at++) {
      prefix = prefix * classBase + (at < start[id + 1]! ? classes[at]! + 1 : 0);
    }
    keys[id] = prefix * idBase + id;
  }
  keys.sort();
  const sorted = new Int32Array(P);
  for (let k = 0; k < P; k++) sorted[k] = keys[k]! % idBase;
  const compare = (a: number, b: number): number => {
    const aEnd = start[a + 1]!;
    const bEnd = start[b + 1]!;
    for (let i = start[a]! + leading, j = start[b]! + leading; i < aEnd && j < bEnd; i++, j++) {
      if (classes[i] !== classes[j]) return classes[i]! - classes[j]!;
    }
    return aEnd - start[a]! - (bEnd - start[b]!) || a - b;
  };
  let from = 0;
  while (from < P) {
    const prefix = Math.floor(keys[from]! / idBase);
    let to = from + 1;
    while (to < P && Math.floor(keys[to]! / idBase) === prefix) to++;
    if (to - from > 1) sorted.set(Array.from(sorted.subarray(from, to)).sort(compare), from);
    from = to;
  }
  return sorted;
}

/**
 * Writes each row complete, with premultiplied, output-marked ids: a row starts as a copy of the
 * failure state's row, and then the trie's edges overwrite their classes. A failure state is
 * shallower than the state, so its row is already final when it is copied, and a child's mark
 * follows from its failure target's. Breadth-first numbering keeps the shallow states, where
 * ordinary text spends nearly all its time, together in a small part of the table.
 */
function fillFailures(
  trie: Trie,
  C: number,
  spareRows: number,
): { delta: Int32Array; dictLink: Int32Array; failOf: Int32Array } {
  const { stateCount, parent, edgeClass, outFirst } = trie;
  // The rows past `stateCount` stay in the buffer, beyond the table's end, for addAmbiguousStates.
  const delta = new Int32Array((stateCount + spareRows) * C).subarray(0, stateCount * C);
  const dictLink = new Int32Array(stateCount).fill(-1);
  // Premultiplied failure target of each state; the root's children fail to the root (0).
  const failOf = new Int32Array(stateCount);
  let child = 1;
  // The root's missing transitions stay 0: back to the root.
  for (; child < stateCount && parent[child] === 0; child++) {
    const c = edgeClass[child]!;
    delta[c] = outFirst[child] !== -1 ? (child * C) | HAS_OUTPUT : child * C;
  }
  for (let state = 1; state < stateCount; state++) {
    const row = state * C;
    const failRow = failOf[state]!;
    delta.copyWithin(row, failRow, failRow + C);
    for (; child < stateCount && parent[child] === state; child++) {
      const c = edgeClass[child]!;
      const viaFailure = delta[row + c]!;
      const failure = viaFailure & 0x7fffffff;
      const failureState = failure / C;
      failOf[child] = failure;
      dictLink[child] = outFirst[failureState] !== -1 ? failureState : dictLink[failureState]!;
      const marked = outFirst[child] !== -1 || viaFailure < 0;
      delta[row + c] = marked ? (child * C) | HAS_OUTPUT : child * C;
    }
  }
  return { delta, dictLink, failOf };
}
