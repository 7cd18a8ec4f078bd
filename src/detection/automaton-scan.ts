// The hot loop: one table lookup per symbol, one branch for "has output". Hits are written as
// (state, position) pairs into a reused Int32Array; patterns are resolved afterwards, off the loop.
import type { Automaton } from "./automaton.js";

export type HitBuffer = { data: Int32Array; count: number };

/** What stepping an automaton needs: its transitions and its symbol classes. */
export type Transitions = Pick<Automaton, "delta" | "classOf">;

/** Allocates a hit buffer (it grows when a text has more hits). */
export function createHitBuffer(capacity = 1024): HitBuffer {
  return { data: new Int32Array(capacity * 2), count: 0 };
}

/** Doubles the hit buffer's capacity, keeping its hits; returns the new array. */
export function growHits(hits: HitBuffer): Int32Array {
  const grown = new Int32Array(hits.data.length * 2);
  grown.set(hits.data);
  hits.data = grown;
  return grown;
}

/**
 * Runs `automaton` over `symbols[from, to)` from `startState` (the root by default), appending
 * (stateId, position) hits; returns the state it ends in.
 */
export function runAutomaton(
  automaton: Transitions,
  symbols: Uint16Array,
  from: number,
  to: number,
  hits: HitBuffer,
  startState = 0,
): number {
  const delta = automaton.delta;
  const classOf = automaton.classOf;
  let data = hits.data;
  let at = hits.count * 2;
  let state = startState;
  for (let i = from; i < to; i++) {
    state = delta[state + classOf[symbols[i]!]!]!;
    if (state < 0) {
      state &= 0x7fffffff;
      if (at === data.length) data = growHits(hits);
      data[at++] = state;
      data[at++] = i;
    }
  }
  hits.count = at >> 1;
  return state;
}

/** Calls `visit` for every pattern that ends in the state with premultiplied id `stateId`. */
export function forEachPattern(
  automaton: Automaton,
  stateId: number,
  visit: (pattern: number) => void,
): void {
  let state = (stateId / automaton.classCount) | 0;
  if (automaton.outFirst[state] === -1) state = automaton.dictLink[state]!;
  while (state !== -1) {
    for (let pattern = automaton.outFirst[state]!; pattern !== -1; pattern = automaton.outNext[pattern]!) {
      visit(pattern);
    }
    state = automaton.dictLink[state]!;
  }
}
