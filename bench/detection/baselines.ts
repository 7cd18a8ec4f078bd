// The comparison points, built from the same library terms Vigil uses: obscenity's RegExpMatcher
// (with its recommended English transformers) and one case-insensitive RegExp alternation.
import {
  RegExpMatcher,
  assignIncrementingIds,
  englishRecommendedTransformers,
  parseRawPattern,
} from "obscenity";
import type { Library } from "../../src/detection/index.js";

export type Baseline = { name: string; build: () => (text: string) => number };

/** The plain words of every single-phrase rule (wildcards dropped), de-duplicated. */
export function singlePhraseTerms(library: Library): string[] {
  const terms = new Set<string>();
  for (const rule of library.rules) {
    const term = rule.terms[0];
    if (rule.terms.length === 1 && term) terms.add(term.words.toLowerCase().trim());
  }
  return [...terms].filter((term) => term.length > 0);
}

/** obscenity's pattern syntax reserves `[ ] ? | \`. */
function obscenityPattern(term: string): string {
  return `|${term.replace(/[[\]?|\\]/g, (ch) => `\\${ch}`)}|`;
}

/** obscenity's RegExpMatcher over `terms`, whole words, with its recommended transformers. */
export function obscenityBaseline(terms: readonly string[]): Baseline {
  return {
    name: "obscenity RegExpMatcher",
    build: () => {
      const matcher = new RegExpMatcher({
        blacklistedTerms: assignIncrementingIds(terms.map((term) => parseRawPattern(obscenityPattern(term)))),
        ...englishRecommendedTransformers,
      });
      return (text) => matcher.getAllMatches(text).length;
    },
  };
}

/** One RegExp `\b(?:t1|t2|...)\b`, case-insensitive, longest terms first. */
export function alternationBaseline(terms: readonly string[]): Baseline {
  return {
    name: "RegExp alternation",
    build: () => {
      const escaped = [...terms]
        .sort((a, b) => b.length - a.length)
        .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      const regex = new RegExp(`\\b(?:${escaped.join("|")})\\b`, "gi");
      return (text) => {
        let count = 0;
        regex.lastIndex = 0;
        while (regex.exec(text) !== null) count++;
        return count;
      };
    },
  };
}
