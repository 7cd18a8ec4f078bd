// One chunk: fold to the strict view and run its automata over everything; derive the aggressive
// view and run its automata only in windows around evidence of obfuscation (a hit there must
// contain evidence anyway), so ordinary text pays almost nothing for the second view.
import { type HitBuffer, createHitBuffer, runAutomaton } from "./automaton-scan.js";
import type { PatternGroup, View } from "./compile-patterns.js";
import type { CompiledLibrary } from "./detector.js";
import { type FoldBuffer, createFoldBuffer } from "./fold-buffer.js";
import { foldAggressive } from "./fold-aggressive.js";
import { foldAggressiveSegments } from "./fold-aggressive-segments.js";
import { foldStrict } from "./fold-strict.js";
import type { Chunk } from "./plan-chunks.js";
import {
  type MarkedStates,
  type TermHit,
  type TermMarks,
  createMarkedStates,
  createTermMarks,
  markTerms,
  nextChunk,
  resolveHits,
  selectStates,
} from "./resolve-hits.js";
import {
  CANDIDATE,
  HAS_WINDOW,
  type WindowScratch,
  checkWindows,
  collectTermWords,
  createWindowScratch,
} from "./window-check.js";
import { type WordIndex, createWordIndex } from "./word-index.js";

/** Below this many strict symbols, co-occurrence rules skip the window check (window-check.ts). */
const WINDOW_CHECK_LENGTH = 2048;
/** Below this many window reaches, the aggressive view is folded whole, not around suspects. */
const SHORT_TEXT_REACHES = 4;

/**
 * Scratch state a detector reuses for every chunk; every field is overwritten before it is read.
 * Short texts are most of what is scanned, and allocating per scan showed up as garbage collection.
 */
export type Scratch = {
  strict: FoldBuffer;
  aggressive: FoldBuffer;
  /** Each group's run (a group always runs over the same view), made on first use. */
  runOf: Map<PatternGroup, Run>;
  /** The runs of the current chunk: the first `runCount` (at most one per pattern group). */
  runs: Run[];
  runCount: number;
  /** What `scanChunk` returns: its `terms` are valid until the next chunk is scanned. */
  chunkHits: ChunkHits;
  marks: TermMarks;
  /** Per rule: 1 while its hits are worth resolving in the current chunk. */
  live: Uint8Array;
  windows: WindowScratch;
  words: WordIndex & { reset: () => void };
};

/** Allocates scratch state for a library of `ruleCount` rules. */
export function createScratch(ruleCount: number): Scratch {
  const strict = createFoldBuffer(1024);
  const words = createWordIndex(strict);
  return {
    strict,
    aggressive: createFoldBuffer(1024),
    runOf: new Map(),
    runs: [],
    runCount: 0,
    chunkHits: { terms: [], wordAt: words.wordAt },
    marks: createTermMarks(ruleCount),
    live: new Uint8Array(ruleCount),
    windows: createWindowScratch(ruleCount),
    words,
  };
}

export type ChunkHits = {
  terms: TermHit[];
  /** Word index (in the strict view) of the word at original offset `offset`. */
  wordAt: (offset: number) => number;
};

type Run = { group: PatternGroup; buffer: FoldBuffer; view: View; hits: HitBuffer; states: MarkedStates };

/** The group's run, emptied and added to the chunk's runs. */
function startRun(scratch: Scratch, group: PatternGroup, buffer: FoldBuffer, view: View): Run {
  let run = scratch.runOf.get(group);
  if (!run) {
    const states = createMarkedStates(group.automaton.stateCount);
    run = { group, buffer, view, hits: createHitBuffer(), states };
    scratch.runOf.set(group, run);
  }
  run.hits.count = 0;
  nextChunk(run.states);
  scratch.runs[scratch.runCount++] = run;
  return run;
}

/**
 * Runs the run's automaton only in windows of its longest pattern around `positions[0, count)`
 * (increasing): enough when every pattern of the group must hold a symbol at such a position.
 */
function scanAround(run: Run, positions: Int32Array, count: number): void {
  const { group, buffer, hits } = run;
  const reach = group.automaton.maxPatternLength;
  let windowStart = -1;
  let windowEnd = -1;
  for (let p = 0; p < count; p++) {
    const at = positions[p]!;
    const from = Math.max(0, at - reach + 1);
    const to = Math.min(buffer.length, at + reach);
    if (from <= windowEnd) windowEnd = to;
    else {
      if (windowEnd > windowStart)
        runAutomaton(group.automaton, buffer.symbols, windowStart, windowEnd, hits);
      windowStart = from;
      windowEnd = to;
    }
  }
  if (windowEnd > windowStart) runAutomaton(group.automaton, buffer.symbols, windowStart, windowEnd, hits);
}

/** Finds the term and exception hits, of rules that can fire, in one chunk of `text`. */
export function scanChunk(
  text: string,
  chunk: Chunk,
  compiled: CompiledLibrary,
  scratch: Scratch,
): ChunkHits {
  runAutomata(text, chunk, compiled, scratch);
  const { chunkHits, words } = scratch;
  chunkHits.terms.length = 0;
  words.reset();
  resolveTermsOfLiveRules(text, compiled, scratch, chunkHits.terms);
  return chunkHits;
}

/** Folds the chunk and runs each automaton where it can match; the runs are the scratch's. */
function runAutomata(text: string, chunk: Chunk, compiled: CompiledLibrary, scratch: Scratch): void {
  const { strict, aggressive } = scratch;
  scratch.runCount = 0;
  // The Latin automaton runs inside the fold; the other scripts' only around their symbols.
  const { latin, other } = compiled.strict;
  const latinRun = latin ? startRun(scratch, latin, strict, "strict") : null;
  const { from, to, padStart, padEnd } = chunk;
  foldStrict(text, from, to, padStart, padEnd, strict, compiled.strictFold ?? undefined, latinRun?.hits);
  if (other && strict.hasNonLatin) {
    // Every pattern of the other scripts' group holds a symbol outside ASCII (compile-patterns.ts),
    // and a chunk of English with one Arabic sentence should not pay for a second full pass.
    scanAround(startRun(scratch, other, strict, "strict"), strict.nonLatinAt, strict.nonLatinCount);
  }
  aggressive.evidenceCount = 0;
  if (strict.mayBeObfuscated) {
    // A text shorter than a few windows would be folded whole anyway: skip the planning.
    const reach = compiled.aggressiveReach;
    const short = strict.length < SHORT_TEXT_REACHES * reach;
    if (short || !foldAggressiveSegments(text, strict, aggressive, reach))
      foldAggressive(text, strict, aggressive);
  }
  if (aggressive.evidenceCount > 0) {
    const groups = compiled.aggressive;
    const { evidenceAt, evidenceCount } = aggressive;
    if (groups.latin)
      scanAround(startRun(scratch, groups.latin, aggressive, "aggressive"), evidenceAt, evidenceCount);
    if (groups.other && aggressive.hasNonLatin) {
      scanAround(startRun(scratch, groups.other, aggressive, "aggressive"), evidenceAt, evidenceCount);
    }
  }
}

/**
 * Marks which terms of which rules the runs found, keeps the rules that can fire (every term seen
 * and, in a long chunk, all within one window) and resolves only their hits into `terms`.
 */
function resolveTermsOfLiveRules(
  text: string,
  compiled: CompiledLibrary,
  scratch: Scratch,
  terms: TermHit[],
): void {
  const { marks, runs, words } = scratch;
  const runCount = scratch.runCount;
  for (let r = 0; r < runCount; r++) {
    const run = runs[r]!;
    markTerms(run.group, run.hits, marks, run.states);
  }
  const touchedCount = marks.touchedCount;
  if (touchedCount === 0) return;
  const { mask, touched } = marks;
  const { fullTermMask: full, termCount } = compiled;
  const state = scratch.windows.state;
  let candidates = 0;
  for (let t = 0; t < touchedCount; t++) {
    const rule = touched[t]!;
    if (mask[rule] === full[rule] && termCount[rule]! > 1) {
      state[rule] = CANDIDATE;
      candidates++;
    }
  }
  const checked = candidates > 0 && scratch.strict.length >= WINDOW_CHECK_LENGTH;
  if (checked) {
    for (let r = 0; r < runCount; r++) {
      const run = runs[r]!;
      selectStates(run.group, run.states, state, CANDIDATE, true);
      collectTermWords(run.group, run.buffer, run.hits, run.view, words, run.states, scratch.windows);
    }
    checkWindows(touched, touchedCount, termCount, compiled.within, scratch.windows);
  }
  // In a short text nearly every candidate has its window, so checking first only costs time.
  const live = scratch.live;
  let liveCount = 0;
  for (let t = 0; t < touchedCount; t++) {
    const rule = touched[t]!;
    const fires =
      mask[rule] === full[rule] && (termCount[rule] === 1 || !checked || state[rule] === HAS_WINDOW);
    live[rule] = fires ? 1 : 0;
    if (fires) liveCount++;
  }
  // Most short texts touch a few rules and complete none: nothing to resolve.
  if (liveCount > 0) {
    for (let r = 0; r < runCount; r++) {
      const run = runs[r]!;
      selectStates(run.group, run.states, live, 1, false);
      resolveHits(text, run.group, run.buffer, run.hits, run.view, live, run.states, terms);
    }
  }
  for (let t = 0; t < touchedCount; t++) {
    const rule = touched[t]!;
    mask[rule] = 0;
    state[rule] = 0;
    live[rule] = 0;
  }
  marks.touchedCount = 0;
}
