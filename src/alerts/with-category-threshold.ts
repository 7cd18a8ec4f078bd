/**
 * A detector whose threshold for one category is changed, for the "what if" replay: the scores
 * are the same, only which categories are flagged (and so the severity) is decided again.
 */
import type { Category } from "../detection/index.js";
import type { SchoolDetector } from "../detection/overrides/with-school-overrides.js";

/** Wraps `detector` so `category` is flagged at `threshold` instead of the profile's. */
export function withCategoryThreshold(
  detector: SchoolDetector,
  category: Category,
  threshold: number,
): SchoolDetector {
  return {
    library: detector.library,
    scan(text, options) {
      const result = detector.scan(text, options);
      const categories = result.categories.map((score) =>
        score.category === category ? { ...score, threshold, flagged: score.score >= threshold } : score,
      );
      const flagged = categories.filter((score) => score.flagged);
      return {
        ...result,
        categories,
        flagged: flagged.length > 0,
        severity: Math.max(0, ...flagged.map((score) => score.severity)),
      };
    },
  };
}
