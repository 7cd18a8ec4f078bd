/**
 * The detectors compared in one run over the same texts: Vigil with its default profile, the
 * `obscenity` package's English preset, and a word-boundary match of the LDNOOBW list (the
 * `naughty-words` package).
 */
import { createRequire } from "node:module";
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from "obscenity";
import type { Detector } from "../../src/detection/index.js";

export type Predictor = { name: string; predict(text: string, category: string | null): boolean };

/** Vigil: positive when the default profile flags the category (or any category). */
export function vigilPredictor(detector: Detector): Predictor {
  return {
    name: "Vigil",
    predict(text, category) {
      const result = detector.scan(text);
      if (category === null) return result.flagged;
      return result.categories.some((score) => score.category === category && score.flagged);
    },
  };
}

/** obscenity's English preset with its recommended transformers. */
export function obscenityPredictor(): Predictor {
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return { name: "obscenity", predict: (text) => matcher.hasMatch(text) };
}

/** LDNOOBW English terms, matched as whole words, case-insensitively, in one expression. */
export function naughtyWordsPredictor(): Predictor {
  const terms = (createRequire(import.meta.url)("naughty-words") as { en: string[] }).en;
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "iu");
  return { name: "LDNOOBW", predict: (text) => pattern.test(text) };
}
