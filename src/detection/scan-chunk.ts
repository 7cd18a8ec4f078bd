// One chunk: fold to the strict view and run its automata over everything; derive the aggressive
// view and run its automata only in windows around evidence of obfuscation (a hit there must
// contain evidence anyway), so ordinary text pays almost nothing for the second view.
import { runAutomaton } from "./automaton-scan.js";
import type { PatternGroup, View, ViewAutomata } from "./compile-patterns.js";
import type { CompiledLibrary, Scratch } from "./detector.js";
import type { FoldBuffer } from "./fold-buffer.js";
import { foldAggressive } from "./fold-aggressive.js";
import { foldStrict } from "./fold-strict.js";
import type { Chunk } from "./plan-chunks.js";
import { type TermHit, resolveHits } from "./resolve-hits.js";
import { BOUNDARY } from "./symbols.js";

export type ChunkHits = {
  terms: TermHit[];
  /** Word index (in the strict view) of the word at original offset `offset`. */
  wordAt: (offset: number) => number;
};

function groupsFor(automata: ViewAutomata, buffer: FoldBuffer): PatternGroup[] {
  const groups: PatternGroup[] = [];
  if (automata.latin) groups.push(automata.latin);
  if (automata.other && buffer.hasNonLatin) groups.push(automata.other);
  return groups;
}

function scanWhole(
  text: string,
  groups: PatternGroup[],
  buffer: FoldBuffer,
  scratch: Scratch,
  view: View,
  out: TermHit[],
) {
  for (const group of groups) {
    scratch.hits.count = 0;
    runAutomaton(group.automaton, buffer.symbols, 0, buffer.length, scratch.hits);
    resolveHits(text, group, buffer, scratch.hits, view, out);
  }
}

function scanAroundEvidence(
  text: string,
  groups: PatternGroup[],
  buffer: FoldBuffer,
  scratch: Scratch,
  out: TermHit[],
) {
  for (const group of groups) {
    const reach = group.automaton.maxPatternLength;
    scratch.hits.count = 0;
    let windowStart = -1;
    let windowEnd = -1;
    for (let e = 0; e < buffer.evidenceCount; e++) {
      const at = buffer.evidenceAt[e]!;
      const from = Math.max(0, at - reach + 1);
      const to = Math.min(buffer.length, at + reach);
      if (from <= windowEnd) windowEnd = to;
      else {
        if (windowEnd > windowStart)
          runAutomaton(group.automaton, buffer.symbols, windowStart, windowEnd, scratch.hits);
        windowStart = from;
        windowEnd = to;
      }
    }
    if (windowEnd > windowStart)
      runAutomaton(group.automaton, buffer.symbols, windowStart, windowEnd, scratch.hits);
    resolveHits(text, group, buffer, scratch.hits, "aggressive", out);
  }
}

function makeWordAt(strict: FoldBuffer): (offset: number) => number {
  let prefix: Int32Array | null = null;
  return (offset) => {
    if (!prefix) {
      prefix = new Int32Array(strict.length + 1);
      for (let i = 0; i < strict.length; i++)
        prefix[i + 1] = prefix[i]! + (strict.symbols[i] === BOUNDARY ? 1 : 0);
    }
    // The last symbol starting at or before `offset`: the hit's first letter, not the boundary before it.
    let low = 0;
    let high = strict.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (strict.starts[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return prefix[Math.max(0, low - 1)]!;
  };
}

/** Finds every term and exception hit of the compiled library in one chunk of `text`. */
export function scanChunk(
  text: string,
  chunk: Chunk,
  compiled: CompiledLibrary,
  scratch: Scratch,
): ChunkHits {
  const { strict, aggressive } = scratch;
  const terms: TermHit[] = [];
  foldStrict(text, chunk.from, chunk.to, chunk.padStart, chunk.padEnd, strict);
  scanWhole(text, groupsFor(compiled.strict, strict), strict, scratch, "strict", terms);
  foldAggressive(text, strict, aggressive);
  if (aggressive.evidenceCount > 0) {
    scanAroundEvidence(text, groupsFor(compiled.aggressive, aggressive), aggressive, scratch, terms);
  }
  return { terms, wordAt: makeWordAt(strict) };
}
