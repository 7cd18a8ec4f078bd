// Turns automaton hits (state, position) into term hits with original UTF-16 offsets, in two
// passes: first mark which terms of which rules occur at all (no allocation), then build hit
// objects only for rules that can fire. Common words used as co-occurrence terms ("i", "want")
// hit constantly, and would otherwise cost an object each.
import type { HitBuffer } from "./automaton-scan.js";
import type { PatternGroup, PatternInfo, View } from "./compile-patterns.js";
import type { FoldBuffer } from "./fold-buffer.js";
import { BOUNDARY } from "./symbols.js";

/** A term or exception found in one view, before exceptions and co-occurrence are applied. */
export type TermHit = {
  rule: number;
  /** Term index, or -1 - k for the rule's k-th exception. */
  term: number;
  view: View;
  /** Original UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
};

/** How far a wildcard extends a reported span into the rest of its word, in symbols. */
const MAX_WILDCARD_EXTENSION = 64;

/** End offset (exclusive) of the character that starts at `offset`. */
export function characterEnd(text: string, offset: number): number {
  const unit = text.charCodeAt(offset);
  if (unit >= 0xd800 && unit <= 0xdbff && offset + 1 < text.length) {
    const low = text.charCodeAt(offset + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return offset + 2;
  }
  return Math.min(offset + 1, text.length);
}

function hasEvidence(view: FoldBuffer, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (view.evidence[i] === 1) return true;
  return false;
}

/**
 * Per-chunk record of which terms of each rule occurred (bit t = term t), and the rules touched
 * (the first `touchedCount` entries of `touched`; a typed array, because emptying a JS array
 * frees its storage and the next chunk paid to grow it again).
 */
export type TermMarks = { mask: Uint32Array; touched: Int32Array; touchedCount: number };

export function createTermMarks(ruleCount: number): TermMarks {
  return { mask: new Uint32Array(ruleCount), touched: new Int32Array(ruleCount), touchedCount: 0 };
}

/**
 * Which states of one automaton have had their outputs marked in the current chunk: `marked[state]`
 * equals `stamp` for those, and they are listed in `seen`. Common words are terms of many
 * co-occurrence rules and come back again and again, and marking their outputs once per chunk is
 * enough. Once marking is done, `selectStates` reuses `marked` to pick out the states later passes
 * need: theirs is `-stamp`.
 */
export type MarkedStates = { marked: Int32Array; stamp: number; seen: Int32Array; seenCount: number };

export function createMarkedStates(stateCount: number): MarkedStates {
  return { marked: new Int32Array(stateCount), stamp: 0, seen: new Int32Array(64), seenCount: 0 };
}

/** Starts a new chunk: no state is marked in it yet. */
export function nextChunk(states: MarkedStates): void {
  states.stamp++;
  states.seenCount = 0;
  if (states.stamp === 0x7fffffff) {
    states.marked.fill(0);
    states.stamp = 1;
  }
}

/**
 * After marking: gives `-stamp` to the seen states with an output whose rule has `flag` in
 * `ruleFlags` (and, with `termsOnly`, that is a term rather than an exception), and `stamp` back
 * to the rest. Most hits are then passed over on one load, without reading their outputs.
 */
export function selectStates(
  group: PatternGroup,
  states: MarkedStates,
  ruleFlags: Uint8Array,
  flag: number,
  termsOnly: boolean,
): void {
  const { at, rule, termBit } = group.outputs;
  const { marked, seen, seenCount, stamp } = states;
  for (let s = 0; s < seenCount; s++) {
    const state = seen[s]!;
    let selected = false;
    const end = at[state + 1]!;
    for (let k = at[state]!; k < end && !selected; k++) {
      selected = ruleFlags[rule[k]!] === flag && (!termsOnly || termBit[k] !== 0);
    }
    marked[state] = selected ? -stamp : stamp;
  }
}

/** Pass 1: sets a bit per (rule, term) seen in `hits`; exceptions are not marked. */
export function markTerms(
  group: PatternGroup,
  hits: HitBuffer,
  marks: TermMarks,
  states: MarkedStates,
): void {
  const classCount = group.automaton.classCount;
  const { at, rule: ruleAt, termBit } = group.outputs;
  const { mask, touched } = marks;
  const { marked, stamp } = states;
  let seen = states.seen;
  let seenCount = states.seenCount;
  let touchedCount = marks.touchedCount;
  const data = hits.data;
  for (let h = 0; h < hits.count; h++) {
    const state = (data[h * 2]! / classCount) | 0;
    if (marked[state] === stamp) continue;
    marked[state] = stamp;
    if (seenCount === seen.length) {
      const grown = new Int32Array(seenCount * 2);
      grown.set(seen);
      seen = grown;
    }
    seen[seenCount++] = state;
    const end = at[state + 1]!;
    for (let k = at[state]!; k < end; k++) {
      const bit = termBit[k]!;
      if (bit === 0) continue;
      const rule = ruleAt[k]!;
      if (mask[rule] === 0) touched[touchedCount++] = rule;
      mask[rule]! |= bit;
    }
  }
  marks.touchedCount = touchedCount;
  states.seen = seen;
  states.seenCount = seenCount;
}

/**
 * First symbol of the span a term or exception hit ending at `end` reports (past the leading
 * boundary, extended by a wildcard), or -1 when an aggressive-view term hit holds no evidence.
 */
export function hitStartSymbol(buffer: FoldBuffer, info: PatternInfo, end: number, view: View): number {
  const symbols = buffer.symbols;
  const first = end - info.length + 1;
  if (view === "aggressive" && info.term >= 0 && !hasEvidence(buffer, first, end)) return -1;
  let from = symbols[first] === BOUNDARY ? first + 1 : first;
  if (info.openStart) {
    const limit = Math.max(0, from - MAX_WILDCARD_EXTENSION);
    while (from > limit && symbols[from - 1] !== BOUNDARY) from--;
  }
  return from;
}

/**
 * Pass 2: resolves the hits of rules marked in `live` (1 = can fire) into term hits, passing over
 * the states `selectStates` left out. In the aggressive view a term hit needs evidence of
 * obfuscation inside its span; exception hits never do.
 */
export function resolveHits(
  text: string,
  group: PatternGroup,
  buffer: FoldBuffer,
  hits: HitBuffer,
  view: View,
  live: Uint8Array,
  states: MarkedStates,
  out: TermHit[],
): void {
  const symbols = buffer.symbols;
  const lastSymbol = buffer.length - 1;
  const classCount = group.automaton.classCount;
  const { at, pattern, rule } = group.outputs;
  const { marked } = states;
  const selected = -states.stamp;
  for (let h = 0; h < hits.count; h++) {
    const state = (hits.data[h * 2]! / classCount) | 0;
    if (marked[state] !== selected) continue;
    const end = hits.data[h * 2 + 1]!;
    const last = at[state + 1]!;
    for (let k = at[state]!; k < last; k++) {
      if (live[rule[k]!] !== 1) continue;
      const info = group.patterns[pattern[k]!]!;
      const from = hitStartSymbol(buffer, info, end, view);
      if (from < 0) continue;
      let to = symbols[end] === BOUNDARY ? end - 1 : end;
      if (info.openEnd) {
        const limit = Math.min(lastSymbol, to + MAX_WILDCARD_EXTENSION);
        while (to < limit && symbols[to + 1] !== BOUNDARY) to++;
      }
      out.push({
        rule: info.rule,
        term: info.term,
        view,
        start: buffer.starts[from]!,
        end: characterEnd(text, buffer.starts[to]!),
      });
    }
  }
}
