// An ambiguous text symbol (the aggressive view's "i or l", from `1 ! |`) matched by transition.
// It stands for any of its letters at one of a pattern's first `maxPositions` letter positions, and
// one ambiguous symbol stands for a whole run of such positions (the text collapses repeats), so a
// pattern may match a few symbols shorter than it is. Compiling that as variants of every pattern
// multiplied the states; instead each pattern is inserted once and, after the Aho-Corasick DFA is
// built, the ambiguous symbol's transitions go through a set-of-states construction:
// - a DFA state stands for the set of (trie node, shrink) items that end at the current position;
// - a plain trie state u stands for its failure chain, all with shrink 0;
// - any other set is kept as its deepest shrink-0 item u (its chain is always in the set: a shrink-0
//   item maps symbol for symbol) plus the extra items, and gets a row of its own after the plain
//   states. Extra items die out a few symbols after the ambiguous one, so these states stay few.
// Output order per state matches compiled variants: longest match first, then the later pattern.
// The aggressive fold never writes the ambiguous symbol twice in a row (variants never held that
// either), so what the automaton does on such a pair is of no consequence.
import type { Automaton } from "./automaton.js";

export type AmbiguousSymbol = {
  /** The text symbol that stands for any of `letters`. */
  symbol: number;
  letters: readonly number[];
  /** Only this many letter positions (the first ones) of a pattern may be matched by the symbol. */
  maxPositions: number;
};

const HAS_OUTPUT = 0x80000000 | 0;
const ID_MASK = 0x7fffffff;
/**
 * An item is node << SHRINK_BITS | shrink. A run spans at most `maxPositions` letters and the
 * literal ambiguous symbols between them, so shrink stays far below the range.
 */
const SHRINK_BITS = 6;
const SHRINK_MASK = (1 << SHRINK_BITS) - 1;

/** Adds the ambiguous symbol's transitions (and the states they need) to a built automaton. */
export function addAmbiguousStates(
  automaton: Automaton,
  patterns: readonly Uint16Array[],
  ambiguous: AmbiguousSymbol,
  failOf: Int32Array,
): Automaton {
  const { classCount: C, classOf, delta, outFirst, outNext, dictLink, stateCount: N } = automaton;
  const A = classOf[ambiguous.symbol]!;
  const letterClasses = ambiguous.letters.map((letter) => classOf[letter]!).filter((c) => c !== 0);
  const isLetter = new Uint8Array(65536);
  for (const letter of ambiguous.letters) isLetter[letter] = 1;
  const depth = new Int32Array(N);
  const letterCount = new Int32Array(N);
  for (const pattern of patterns) {
    let state = 0;
    let count = 0;
    for (let i = 0; i < pattern.length; i++) {
      const symbol = pattern[i]!;
      state = (delta[state * C + classOf[symbol]!]! & ID_MASK) / C;
      if (isLetter[symbol] === 1) count++;
      depth[state] = i + 1;
      letterCount[state] = count;
    }
  }
  const childOf = (node: number, c: number): number => {
    const target = (delta[node * C + c]! & ID_MASK) / C;
    return depth[target] === depth[node]! + 1 ? target : -1;
  };
  const fail = (node: number): number => failOf[node]! / C;

  // Moves on the ambiguous symbol that the plain transition does not make: runs of letter
  // positions (and literal ambiguous symbols) of length >= 1 holding at least one letter.
  const moves: (number[] | undefined)[] = new Array<number[] | undefined>(N);
  const none: number[] = [];
  const explore = (node: number, run: number, substituted: boolean, out: number[]): void => {
    for (const c of letterClasses) {
      if (letterCount[node]! >= ambiguous.maxPositions) break;
      const child = childOf(node, c);
      if (child < 0) continue;
      out.push((child << SHRINK_BITS) | run);
      explore(child, run + 1, true, out);
    }
    const literal = childOf(node, A);
    if (literal >= 0) {
      if (substituted || run >= 1) out.push((literal << SHRINK_BITS) | run);
      explore(literal, run + 1, substituted, out);
    }
  };
  const movesOf = (node: number): number[] => {
    let list = moves[node];
    if (!list) {
      list = [];
      explore(node, 0, false, list);
      if (list.length === 0) list = none;
      moves[node] = list;
    }
    return list;
  };

  const mark = new Int32Array(N);
  let stamp = 0;
  const markChain = (node: number): void => {
    stamp++;
    for (let v = node; ; v = fail(v)) {
      mark[v] = stamp;
      if (v === 0) break;
    }
  };
  const extraNode: number[] = [];
  const extraItems: number[][] = [];
  const extraMarked: boolean[] = [];
  // Open addressing over extra states, keyed by (deepest node, sorted items).
  let slots = new Int32Array(1 << 16).fill(-1);
  const hashOf = (node: number, list: readonly number[]): number => {
    let hash = Math.imul(node, 0x9e3779b1);
    for (const item of list) hash = Math.imul(hash ^ item, 0x01000193) ^ (hash >>> 15);
    return hash >>> 0;
  };
  const sameItems = (a: readonly number[], b: readonly number[]): boolean => {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  const insertSlot = (index: number): void => {
    const mask = slots.length - 1;
    let slot = hashOf(extraNode[index]!, extraItems[index]!) & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = index;
  };
  const inOld: number[] = [];
  const rest: number[] = [];

  /** The state for the set chain(literal target) + items, as a premultiplied, marked id. */
  const canonical = (literal: number, items: readonly number[]): number => {
    if (items.length === 0) return literal;
    const u = (literal & ID_MASK) / C;
    markChain(u);
    let best = u;
    for (const item of items) {
      if ((item & SHRINK_MASK) !== 0) continue;
      const node = item >> SHRINK_BITS;
      if (mark[node] === stamp) continue;
      if (depth[node]! > depth[best]! || (depth[node] === depth[best] && node < best)) best = node;
    }
    rest.length = 0;
    if (best !== u) {
      inOld.length = 0;
      for (let v = u; v !== 0; v = fail(v)) inOld.push(v);
      markChain(best);
      for (const v of inOld) if (mark[v] !== stamp) rest.push(v << SHRINK_BITS);
    }
    for (const item of items) {
      if ((item & SHRINK_MASK) === 0 && mark[item >> SHRINK_BITS] === stamp) continue;
      rest.push(item);
    }
    if (rest.length === 0) {
      const marked = outFirst[best] !== -1 || dictLink[best] !== -1;
      return marked ? (best * C) | HAS_OUTPUT : best * C;
    }
    if (rest.length > 1) {
      rest.sort((a, b) => a - b);
      let unique = 1;
      for (let i = 1; i < rest.length; i++) if (rest[i] !== rest[unique - 1]) rest[unique++] = rest[i]!;
      rest.length = unique;
    }
    const mask = slots.length - 1;
    let slot = hashOf(best, rest) & mask;
    let index = slots[slot]!;
    while (index !== -1 && !(extraNode[index] === best && sameItems(extraItems[index]!, rest))) {
      slot = (slot + 1) & mask;
      index = slots[slot]!;
    }
    if (index === -1) {
      index = extraNode.length;
      let marked = outFirst[best] !== -1 || dictLink[best] !== -1;
      for (const item of rest) if (outFirst[item >> SHRINK_BITS] !== -1) marked = true;
      extraNode.push(best);
      extraItems.push(rest.slice());
      extraMarked.push(marked);
      if (extraNode.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2).fill(-1);
        for (let k = 0; k < extraNode.length; k++) insertSlot(k);
      } else slots[slot] = index;
    }
    return extraMarked[index] ? ((N + index) * C) | HAS_OUTPUT : (N + index) * C;
  };

  // Shallow states first: a state with no move of its own goes where its failure state goes (its
  // set of items and its plain transition are the failure state's), as in the DFA completion.
  const ambiguousTarget = new Int32Array(N);
  let maxDepth = 0;
  for (let u = 0; u < N; u++) maxDepth = Math.max(maxDepth, depth[u]!);
  const byDepth = new Int32Array(maxDepth + 2);
  for (let u = 0; u < N; u++) byDepth[depth[u]! + 1]!++;
  for (let d = 1; d <= maxDepth + 1; d++) byDepth[d]! += byDepth[d - 1]!;
  const order = new Int32Array(N);
  for (let u = 0; u < N; u++) order[byDepth[depth[u]!]!++] = u;
  const items: number[] = [];
  for (const u of order) {
    if (u !== 0 && movesOf(u).length === 0 && childOf(u, A) < 0) {
      ambiguousTarget[u] = ambiguousTarget[fail(u)]!;
      continue;
    }
    items.length = 0;
    for (let v = u; ; v = fail(v)) {
      for (const move of movesOf(v)) items.push(move);
      if (v === 0) break;
    }
    ambiguousTarget[u] = canonical(delta[u * C + A]!, items);
  }
  const rows: Int32Array[] = [];
  for (let k = 0; k < extraNode.length; k++) {
    const u = extraNode[k]!;
    const own = extraItems[k]!;
    const row = new Int32Array(C);
    for (let c = 0; c < C; c++) {
      items.length = 0;
      for (const item of own) {
        const child = childOf(item >> SHRINK_BITS, c);
        if (child >= 0) items.push((child << SHRINK_BITS) | (item & SHRINK_MASK));
      }
      if (c === A) {
        for (let v = u; ; v = fail(v)) {
          for (const move of movesOf(v)) items.push(move);
          if (v === 0) break;
        }
        for (const item of own) {
          for (const move of movesOf(item >> SHRINK_BITS)) items.push(move + (item & SHRINK_MASK));
        }
      }
      row[c] = canonical(delta[u * C + c]!, items);
    }
    rows.push(row);
  }

  const E = extraNode.length;
  const total = N + E;
  const fullDelta = new Int32Array(total * C);
  fullDelta.set(delta);
  for (let u = 0; u < N; u++) fullDelta[u * C + A] = ambiguousTarget[u]!;
  rows.forEach((row, k) => {
    fullDelta.set(row, (N + k) * C);
  });

  // Outputs of the extra states, as copies of their patterns in variant order.
  const P = patterns.length;
  const copyOf: number[] = [];
  const copyShrink: number[] = [];
  const fullOutFirst = new Int32Array(total).fill(-1);
  fullOutFirst.set(outFirst);
  const fullDictLink = new Int32Array(total).fill(-1);
  fullDictLink.set(dictLink);
  const nexts: number[] = [];
  for (let k = 0; k < E; k++) {
    if (!extraMarked[k]) continue;
    const found: { length: number; id: number; shrink: number }[] = [];
    const add = (node: number, shrink: number) => {
      for (let id = outFirst[node]!; id !== -1; id = outNext[id]!) {
        found.push({ length: patterns[id]!.length - shrink, id, shrink });
      }
    };
    for (let v = extraNode[k]!; v !== 0; v = fail(v)) add(v, 0);
    add(0, 0);
    for (const item of extraItems[k]!) add(item >> SHRINK_BITS, item & SHRINK_MASK);
    found.sort((a, b) => b.length - a.length || b.id - a.id);
    let previous = -1;
    for (const { id, shrink } of found) {
      const entry = P + copyOf.length;
      copyOf.push(id);
      copyShrink.push(shrink);
      nexts.push(-1);
      if (previous === -1) fullOutFirst[N + k] = entry;
      else nexts[previous - P] = entry;
      previous = entry;
    }
  }
  const fullOutNext = new Int32Array(P + nexts.length);
  fullOutNext.set(outNext);
  fullOutNext.set(nexts, P);
  return {
    ...automaton,
    delta: fullDelta,
    outFirst: fullOutFirst,
    outNext: fullOutNext,
    dictLink: fullDictLink,
    stateCount: total,
    copyOf: Int32Array.from(copyOf),
    copyShrink: Int32Array.from(copyShrink),
  };
}
