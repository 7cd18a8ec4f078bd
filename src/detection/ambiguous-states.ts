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
import type { Automaton, Trie } from "./automaton.js";

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

/** A growable Int32Array: this pass makes millions of small lists, which as arrays kept the GC busy. */
class IntList {
  data = new Int32Array(256);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** Makes room for `count` more values past `length`. */
  reserve(count: number): void {
    if (this.length + count <= this.data.length) return;
    const data = new Int32Array(Math.max(this.data.length * 2, this.length + count));
    data.set(this.data);
    this.data = data;
  }
}

/** Sorts `list` ascending and drops repeats (the lists here hold a handful of items). */
function sortUnique(list: IntList): void {
  const data = list.data;
  for (let i = 1; i < list.length; i++) {
    const value = data[i]!;
    let j = i - 1;
    while (j >= 0 && data[j]! > value) {
      data[j + 1] = data[j]!;
      j--;
    }
    data[j + 1] = value;
  }
  let unique = list.length === 0 ? 0 : 1;
  for (let i = 1; i < list.length; i++) if (data[i] !== data[unique - 1]) data[unique++] = data[i]!;
  list.length = unique;
}

/**
 * `delta` grown to `length` entries: in place when its buffer has the room (buildAutomaton leaves
 * some past its end, which holds zeros), else copied into a new table.
 */
function withRows(delta: Int32Array, length: number): Int32Array {
  if (delta.byteOffset === 0 && delta.buffer.byteLength >= length * 4) {
    return new Int32Array(delta.buffer, 0, length);
  }
  const grown = new Int32Array(length);
  grown.set(delta);
  return grown;
}

/** Adds the ambiguous symbol's transitions (and the states they need) to a built automaton. */
export function addAmbiguousStates(
  automaton: Automaton,
  patterns: readonly Uint16Array[],
  ambiguous: AmbiguousSymbol,
  trie: Trie & { failOf: Int32Array },
): Automaton {
  const { classCount: C, classOf, delta, outFirst, outNext, dictLink, stateCount: N } = automaton;
  const { parent, edgeClass, depth, failOf } = trie;
  const A = classOf[ambiguous.symbol]!;
  const maxPositions = ambiguous.maxPositions;
  const letterClasses = ambiguous.letters.map((letter) => classOf[letter]!).filter((c) => c !== 0);
  // The trie children the moves follow, per node: one per letter class, then the ambiguous symbol's
  // (0 for none: the root is nobody's child). Side by side, they are one cache line away.
  const S = letterClasses.length + 1;
  const slotOfClass = new Int32Array(C).fill(-1);
  letterClasses.forEach((c, k) => (slotOfClass[c] = k));
  slotOfClass[A] = S - 1;
  const childOn = new Int32Array(N * S);
  // Letter positions on the way to each state; a parent is numbered before its children.
  const letterCount = new Int32Array(N);
  const failState = new Int32Array(N);
  for (let u = 1; u < N; u++) {
    const up = parent[u]!;
    const slot = slotOfClass[edgeClass[u]!]!;
    if (slot >= 0) childOn[up * S + slot] = u;
    letterCount[u] = letterCount[up]! + (slot >= 0 && slot < S - 1 ? 1 : 0);
    failState[u] = failOf[u]! / C;
  }
  // A state's children are numbered consecutively, from childFrom[u] up to childFrom[u + 1].
  const childFrom = new Int32Array(N + 1);
  childFrom[0] = 1;
  for (let u = 1; u < N; u++) childFrom[parent[u]! + 1]!++;
  for (let u = 0; u < N; u++) childFrom[u + 1]! += childFrom[u]!;

  // Moves on the ambiguous symbol that the plain transition does not make: runs of letter
  // positions (and literal ambiguous symbols) of length >= 1 holding at least one letter.
  // Node u's moves, once worked out, are moves.data[movesFrom[u]] up to movesTo[u].
  const moves = new IntList();
  const movesFrom = new Int32Array(N).fill(-1);
  const movesTo = new Int32Array(N);
  const explore = (node: number, run: number, substituted: boolean): void => {
    const at = node * S;
    if (letterCount[node]! < maxPositions) {
      for (let k = 0; k < S - 1; k++) {
        const child = childOn[at + k]!;
        if (child === 0) continue;
        moves.push((child << SHRINK_BITS) | run);
        explore(child, run + 1, true);
      }
    }
    const literal = childOn[at + S - 1]!;
    if (literal !== 0) {
      if (substituted || run >= 1) moves.push((literal << SHRINK_BITS) | run);
      explore(literal, run + 1, substituted);
    }
  };
  /** Appends node's moves, each `shrink` more shrunk, to `list`. */
  const pushMoves = (node: number, shrink: number, list: IntList): void => {
    if (movesFrom[node] === -1) {
      movesFrom[node] = moves.length;
      explore(node, 0, false);
      movesTo[node] = moves.length;
    }
    const to = movesTo[node]!;
    list.reserve(to - movesFrom[node]!);
    const data = moves.data;
    for (let i = movesFrom[node]!; i < to; i++) list.data[list.length++] = data[i]! + shrink;
  };
  /** Whether node has a move of its own or a literal ambiguous child (without working them out). */
  const hasMoves = (node: number): boolean => {
    const at = node * S;
    if (childOn[at + S - 1] !== 0) return true;
    if (letterCount[node]! >= maxPositions) return false;
    for (let k = 0; k < S - 1; k++) if (childOn[at + k] !== 0) return true;
    return false;
  };

  const mark = new Int32Array(N);
  let stamp = 0;
  const markChain = (node: number): void => {
    stamp++;
    for (let v = node; ; v = failState[v]!) {
      mark[v] = stamp;
      if (v === 0) break;
    }
  };
  // Extra state k: deepest node extraNode[k], items extraItems.data[itemsFrom[k]] up to itemsFrom[k + 1].
  const extraNode = new IntList();
  const extraMarked = new IntList();
  const itemsFrom = new IntList();
  itemsFrom.push(0);
  const extraItems = new IntList();
  // Open addressing over extra states, keyed by (deepest node, sorted items). A slot holds the
  // state's index + 1 (0 when empty) and its hash, so most probes read nothing else.
  let slots = new Int32Array(2 << 16);
  const hashOf = (node: number, data: Int32Array, from: number, to: number): number => {
    let hash = Math.imul(node, 0x9e3779b1);
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ data[i]!, 0x01000193) ^ (hash >>> 15);
    return hash >>> 0;
  };
  const isExtra = (index: number, node: number, list: IntList): boolean => {
    if (extraNode.data[index] !== node) return false;
    const from = itemsFrom.data[index]!;
    if (itemsFrom.data[index + 1]! - from !== list.length) return false;
    const data = extraItems.data;
    for (let i = 0; i < list.length; i++) if (data[from + i] !== list.data[i]) return false;
    return true;
  };
  const insertSlot = (index: number): void => {
    const mask = slots.length / 2 - 1;
    const from = itemsFrom.data[index]!;
    const hash = hashOf(extraNode.data[index]!, extraItems.data, from, itemsFrom.data[index + 1]!);
    let slot = hash & mask;
    while (slots[slot * 2] !== 0) slot = (slot + 1) & mask;
    slots[slot * 2] = index + 1;
    slots[slot * 2 + 1] = hash;
  };
  const rest = new IntList();

  /** The state for the set chain(literal target) + items, as a premultiplied, marked id. */
  const canonical = (literal: number, items: IntList): number => {
    if (items.length === 0) return literal;
    const u = (literal & ID_MASK) / C;
    markChain(u);
    let best = u;
    for (let i = 0; i < items.length; i++) {
      const item = items.data[i]!;
      if ((item & SHRINK_MASK) !== 0) continue;
      const node = item >> SHRINK_BITS;
      if (mark[node] === stamp) continue;
      if (depth[node]! > depth[best]! || (depth[node] === depth[best] && node < best)) best = node;
    }
    rest.length = 0;
    if (best !== u) {
      // What chain(u) holds beyond chain(best) becomes items of its own.
      markChain(best);
      for (let v = u; v !== 0; v = failState[v]!) if (mark[v] !== stamp) rest.push(v << SHRINK_BITS);
    }
    for (let i = 0; i < items.length; i++) {
      const item = items.data[i]!;
      if ((item & SHRINK_MASK) === 0 && mark[item >> SHRINK_BITS] === stamp) continue;
      rest.push(item);
    }
    if (rest.length === 0) {
      const marked = outFirst[best] !== -1 || dictLink[best] !== -1;
      return marked ? (best * C) | HAS_OUTPUT : best * C;
    }
    sortUnique(rest);
    const mask = slots.length / 2 - 1;
    const hash = hashOf(best, rest.data, 0, rest.length);
    let slot = hash & mask;
    let index = slots[slot * 2]! - 1;
    while (index !== -1 && !(slots[slot * 2 + 1] === (hash | 0) && isExtra(index, best, rest))) {
      slot = (slot + 1) & mask;
      index = slots[slot * 2]! - 1;
    }
    if (index === -1) {
      index = extraNode.length;
      let marked = outFirst[best] !== -1 || dictLink[best] !== -1;
      for (let i = 0; i < rest.length; i++) if (outFirst[rest.data[i]! >> SHRINK_BITS] !== -1) marked = true;
      extraNode.push(best);
      extraMarked.push(marked ? 1 : 0);
      for (let i = 0; i < rest.length; i++) extraItems.push(rest.data[i]!);
      itemsFrom.push(extraItems.length);
      if (extraNode.length > slots.length / 4) {
        slots = new Int32Array(slots.length * 2);
        for (let k = 0; k < extraNode.length; k++) insertSlot(k);
      } else {
        slots[slot * 2] = index + 1;
        slots[slot * 2 + 1] = hash;
      }
    }
    return extraMarked.data[index] === 1 ? ((N + index) * C) | HAS_OUTPUT : (N + index) * C;
  };

  // Shallow states first (breadth-first numbering): a state with no move of its own goes where its
  // failure state goes (its set of items and its plain transition are the failure state's), as in
  // the DFA completion.
  const ambiguousTarget = new Int32Array(N);
  const items = new IntList();
  for (let u = 0; u < N; u++) {
    if (u !== 0 && !hasMoves(u)) {
      ambiguousTarget[u] = ambiguousTarget[failState[u]!]!;
      continue;
    }
    items.length = 0;
    for (let v = u; ; v = failState[v]!) {
      pushMoves(v, 0, items);
      if (v === 0) break;
    }
    ambiguousTarget[u] = canonical(delta[u * C + A]!, items);
  }

  // Rows of the extra states (more are added as they are filled). A row starts as its deepest node's
  // plain row; only the classes its items (or the ambiguous symbol) move on can differ. Those are
  // worked out in class order, so extra states are numbered as when every class was visited.
  // Where an extra state's row differs from its deepest node's plain row: (state, class, target).
  const patches = new IntList();
  const own = new IntList();
  // (class, item) of the own items' children, sorted by class.
  const childClass = new IntList();
  const childItem = new IntList();
  for (let k = 0; k < extraNode.length; k++) {
    const u = extraNode.data[k]!;
    own.length = 0;
    for (let i = itemsFrom.data[k]!; i < itemsFrom.data[k + 1]!; i++) own.push(extraItems.data[i]!);
    childClass.length = 0;
    childItem.length = 0;
    for (let i = 0; i < own.length; i++) {
      const item = own.data[i]!;
      const node = item >> SHRINK_BITS;
      for (let child = childFrom[node]!; child < childFrom[node + 1]!; child++) {
        const c = edgeClass[child]!;
        const value = (child << SHRINK_BITS) | (item & SHRINK_MASK);
        let j = childClass.length;
        childClass.push(c);
        childItem.push(value);
        while (j > 0 && childClass.data[j - 1]! > c) {
          childClass.data[j] = childClass.data[j - 1]!;
          childItem.data[j] = childItem.data[j - 1]!;
          j--;
        }
        childClass.data[j] = c;
        childItem.data[j] = value;
      }
    }
    let next = 0;
    let ambiguousDone = false;
    while (next < childClass.length || !ambiguousDone) {
      const c = next < childClass.length ? childClass.data[next]! : C;
      const isAmbiguous = !ambiguousDone && A <= c;
      const target = isAmbiguous ? A : c;
      items.length = 0;
      while (next < childClass.length && childClass.data[next] === target)
        items.push(childItem.data[next++]!);
      if (isAmbiguous) {
        for (let v = u; ; v = failState[v]!) {
          pushMoves(v, 0, items);
          if (v === 0) break;
        }
        for (let i = 0; i < own.length; i++) {
          pushMoves(own.data[i]! >> SHRINK_BITS, own.data[i]! & SHRINK_MASK, items);
        }
        ambiguousDone = true;
      }
      const value = canonical(delta[u * C + target]!, items);
      patches.reserve(3);
      patches.data[patches.length++] = k;
      patches.data[patches.length++] = target;
      patches.data[patches.length++] = value;
    }
  }

  const E = extraNode.length;
  const total = N + E;
  const fullDelta = withRows(delta, total * C);
  for (let u = 0; u < N; u++) fullDelta[u * C + A] = ambiguousTarget[u]!;
  for (let k = 0, p = 0; k < E; k++) {
    const row = (N + k) * C;
    const from = extraNode.data[k]! * C;
    fullDelta.copyWithin(row, from, from + C);
    for (; p < patches.length && patches.data[p] === k; p += 3) {
      fullDelta[row + patches.data[p + 1]!] = patches.data[p + 2]!;
    }
  }

  // Outputs of the extra states, as copies of their patterns in variant order: longest match first,
  // then the later pattern. A key packs (length, id, shrink) so that a plain sort orders them.
  const P = patterns.length;
  const copyOf = new IntList();
  const copyShrink = new IntList();
  const fullOutFirst = new Int32Array(total).fill(-1);
  fullOutFirst.set(outFirst);
  const fullDictLink = new Int32Array(total).fill(-1);
  fullDictLink.set(dictLink);
  const fullOutNext = new IntList();
  for (let id = 0; id < P; id++) fullOutNext.push(outNext[id]!);
  // Keys exceed the small integers, so a JS array of them held boxed numbers and sorted them
  // through a comparator; a Float64Array sorts natively (ascending, so it is read backwards).
  let found = new Float64Array(64);
  let foundCount = 0;
  const add = (node: number, shrink: number) => {
    for (let id = outFirst[node]!; id !== -1; id = outNext[id]!) {
      if (foundCount === found.length) {
        const grown = new Float64Array(found.length * 2);
        grown.set(found);
        found = grown;
      }
      found[foundCount++] = ((patterns[id]!.length - shrink) * P + id) * (SHRINK_MASK + 1) + shrink;
    }
  };
  for (let k = 0; k < E; k++) {
    if (extraMarked.data[k] === 0) continue;
    foundCount = 0;
    for (let v = extraNode.data[k]!; v !== 0; v = failState[v]!) add(v, 0);
    add(0, 0);
    for (let i = itemsFrom.data[k]!; i < itemsFrom.data[k + 1]!; i++) {
      add(extraItems.data[i]! >> SHRINK_BITS, extraItems.data[i]! & SHRINK_MASK);
    }
    const keys = found.subarray(0, foundCount).sort();
    let previous = -1;
    for (let f = foundCount - 1; f >= 0; f--) {
      const key = keys[f]!;
      const entry = P + copyOf.length;
      copyOf.push(Math.floor(key / (SHRINK_MASK + 1)) % P);
      copyShrink.push(key % (SHRINK_MASK + 1));
      fullOutNext.push(-1);
      if (previous === -1) fullOutFirst[N + k] = entry;
      else fullOutNext.data[previous] = entry;
      previous = entry;
    }
  }
  return {
    ...automaton,
    delta: fullDelta,
    outFirst: fullOutFirst,
    outNext: fullOutNext.data.slice(0, fullOutNext.length),
    dictLink: fullDictLink,
    stateCount: total,
    copyOf: copyOf.data.slice(0, copyOf.length),
    copyShrink: copyShrink.data.slice(0, copyShrink.length),
  };
}
