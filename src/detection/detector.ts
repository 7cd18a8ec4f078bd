// The compiled engine: build once from a library, scan many texts. Scratch buffers are owned by the
// detector and overwritten from the start on every scan (nothing carries from one text to the next).
import { type ViewAutomata, compileView } from "./compile-patterns.js";
import { type RuleMatch, evaluateRules } from "./evaluate-rules.js";
import { type FoldMatcher, foldMatcher } from "./fold-strict.js";
import { planChunks } from "./plan-chunks.js";
import type { Library } from "./rule.js";
import { type ScanResult, scoreMatches } from "./score.js";
import { createScratch, scanChunk } from "./scan-chunk.js";

/** At most this many matches of one rule are reported per text (the score counts a rule once). */
export const MAX_MATCHES_PER_RULE = 20;

export type ScanOptions = { profile?: string };

export type Detector = {
  library: Library;
  version: string;
  /** Scores `text` for a profile (default: the library's default profile). */
  scan(text: string, options?: ScanOptions): ScanResult;
  /** Every rule match in `text`, cancelled ones included, ignoring profiles and `ages`. */
  match(text: string): RuleMatch[];
};

export type CompiledLibrary = {
  strict: ViewAutomata;
  /** The strict view's Latin automaton as the fold steps it (fold-strict.ts), or null when there is none. */
  strictFold: FoldMatcher | null;
  aggressive: ViewAutomata;
  /** Per rule, the term bits that must all be seen before its hits are worth resolving. */
  fullTermMask: Uint32Array;
  /** Per rule, its number of terms (more than one for co-occurrence). */
  termCount: Uint8Array;
  /** Per rule, its co-occurrence window in words. */
  within: Int32Array;
  /** Longest aggressive-view pattern: how far from evidence an aggressive hit can reach. */
  aggressiveReach: number;
};

/** Compiles the library's rules into the strict and aggressive automata. */
export function compileLibrary(library: Library): CompiledLibrary {
  const strict = compileView(library.rules, "strict");
  const aggressive = compileView(library.rules, "aggressive");
  return {
    strict,
    strictFold: strict.latin ? foldMatcher(strict.latin.automaton) : null,
    aggressive,
    fullTermMask: Uint32Array.from(library.rules, (rule) => (1 << rule.terms.length) - 1),
    termCount: Uint8Array.from(library.rules, (rule) => rule.terms.length),
    within: Int32Array.from(library.rules, (rule) => rule.within),
    aggressiveReach: Math.max(
      aggressive.latin?.automaton.maxPatternLength ?? 0,
      aggressive.other?.automaton.maxPatternLength ?? 0,
    ),
  };
}

/** Builds a detector from a loaded library (compiles it once). */
export function createDetector(
  library: Library,
  compiled: CompiledLibrary = compileLibrary(library),
): Detector {
  const scratch = createScratch(library.rules.length);
  const match = (text: string): RuleMatch[] => {
    const matches: RuleMatch[] = [];
    // Made only when a text has matches: most texts have none.
    let seen: Set<string> | undefined;
    let perRule: Map<number, number> | undefined;
    for (const chunk of planChunks(text)) {
      const hits = scanChunk(text, chunk, compiled, scratch);
      if (hits.terms.length === 0) continue;
      seen ??= new Set<string>();
      perRule ??= new Map<number, number>();
      for (const found of evaluateRules(library.rules, hits.terms, hits.wordAt)) {
        const key = `${found.rule}|${found.view}|${found.start}|${found.end}`;
        const count = perRule.get(found.rule) ?? 0;
        if (seen.has(key) || count >= MAX_MATCHES_PER_RULE) continue;
        seen.add(key);
        perRule.set(found.rule, count + 1);
        matches.push(found);
      }
    }
    return matches;
  };
  return {
    library,
    version: library.version,
    match,
    scan(text, options = {}) {
      const profile = options.profile ?? library.profiles.defaultProfile;
      if (!(profile in library.profiles.profiles)) throw new Error(`unknown profile "${profile}"`);
      return scoreMatches(library, match(text), text, profile);
    },
  };
}
