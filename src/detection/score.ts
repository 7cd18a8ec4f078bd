// Rule matches -> an explained decision: per-category scores against the profile's thresholds.
import type { View } from "./compile-patterns.js";
import type { RuleMatch } from "./evaluate-rules.js";
import { thresholdFor } from "./profiles.js";
import type { Category, Library } from "./rule.js";

/**
 * Weight factor for a rule hit only in the aggressive view (leet, stretched or split letters).
 * 0.9 keeps a 100-weight phrase just under the secondary threshold on its own, as the library
 * README promises ("count a little less"), while any second signal still raises the alert.
 */
export const AGGRESSIVE_DISCOUNT = 0.9;

export type ScanMatch = {
  /** `<language>.<category>.<id>` */
  ruleId: string;
  category: Category;
  /** The weight this match carries as applied (discounted in the aggressive view, 0 when cancelled). */
  weight: number;
  /** Whether this match is the one that added its rule's weight (each rule counts once per text). */
  counted: boolean;
  severity: number;
  /** UTF-16 offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
  text: string;
  view: View;
  /** The `unless` phrase that cancelled this match, or null. */
  cancelledBy: string | null;
};

export type CategoryScore = {
  category: Category;
  score: number;
  threshold: number;
  flagged: boolean;
  /** Highest severity among the category's positive counted matches (0 when none). */
  severity: number;
};

export type ScanResult = {
  libraryVersion: string;
  profile: string;
  flagged: boolean;
  /** Highest severity among flagged categories, 0 when none is flagged. */
  severity: number;
  /** Every category with at least one match, in library order of first match. */
  categories: CategoryScore[];
  matches: ScanMatch[];
};

function appliedWeight(weight: number, view: View): number {
  return view === "strict" ? weight : Math.round(weight * AGGRESSIVE_DISCOUNT);
}

/** Scores `matches` (already de-duplicated) for `profile`. */
export function scoreMatches(
  library: Library,
  matches: readonly RuleMatch[],
  text: string,
  profile: string,
): ScanResult {
  // Most texts match nothing: answer those without building the maps.
  if (matches.length === 0) {
    return {
      libraryVersion: library.version,
      profile,
      flagged: false,
      severity: 0,
      categories: [],
      matches: [],
    };
  }
  const ordered = [...matches].sort((a, b) => a.start - b.start || a.end - b.end || a.rule - b.rule);
  const countedRule = new Map<number, RuleMatch>();
  for (const match of ordered) {
    if (match.cancelledBy !== null) continue;
    const current = countedRule.get(match.rule);
    if (!current || (current.view === "aggressive" && match.view === "strict"))
      countedRule.set(match.rule, match);
  }
  const categories = new Map<Category, CategoryScore>();
  const result: ScanMatch[] = [];
  for (const match of ordered) {
    const rule = library.rules[match.rule]!;
    if (rule.ages !== null && !(rule.ages as readonly string[]).includes(profile)) continue;
    const counted = countedRule.get(match.rule) === match;
    const weight = match.cancelledBy === null ? appliedWeight(rule.weight, match.view) : 0;
    let category = categories.get(rule.category);
    if (!category) {
      const threshold = thresholdFor(library.profiles, profile, rule.category);
      category = { category: rule.category, score: 0, threshold, flagged: false, severity: 0 };
      categories.set(rule.category, category);
    }
    if (counted) {
      category.score += weight;
      if (weight > 0) category.severity = Math.max(category.severity, rule.severity);
    }
    const { start, end, view, cancelledBy } = match;
    const { id: ruleId, severity } = rule;
    const spanText = text.slice(start, end);
    result.push({
      ruleId,
      category: rule.category,
      weight,
      counted,
      severity,
      start,
      end,
      text: spanText,
      view,
      cancelledBy,
    });
  }
  let severity = 0;
  for (const category of categories.values()) {
    category.flagged = category.score >= category.threshold;
    if (category.flagged) severity = Math.max(severity, category.severity);
  }
  const flagged = [...categories.values()].some((category) => category.flagged);
  return {
    libraryVersion: library.version,
    profile,
    flagged,
    severity,
    categories: [...categories.values()],
    matches: result,
  };
}
