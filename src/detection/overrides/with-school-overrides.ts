/**
 * A detector that applies a school's overrides on top of the shipped one. Added terms are their
 * own small automaton; allowed terms and suppressions cancel matches (still reported, with the
 * reason), so the result explains what the school's settings changed.
 */
import { createDetector, type Detector } from "../detector.js";
import type { RuleMatch } from "../evaluate-rules.js";
import { parseTerm } from "../parse-phrase-file.js";
import type { Library, Rule } from "../rule.js";
import { scoreMatches, type ScanResult } from "../score.js";
import type { LocalTerm, SchoolOverrides, Suppression } from "./school-overrides.js";

export type OverrideScanOptions = {
  profile?: string;
  /** The host or URL the text came from, for site suppressions. */
  site?: string | null;
  /** The user who wrote or saw it, for user suppressions. */
  user?: string | null;
};

export type SchoolDetector = {
  library: Library;
  scan(text: string, options?: OverrideScanOptions): ScanResult;
};

/** Prefix of the rule ids of terms a school added. */
export const localRulePrefix = "school.";

/** Wraps `base` with `overrides`; build once per change of the school's overrides. */
export function withSchoolOverrides(base: Detector, overrides: SchoolOverrides): SchoolDetector {
  const localRules = overrides.localTerms.map(localRule);
  const library: Library = {
    rules: [...base.library.rules, ...localRules],
    profiles: base.library.profiles,
    // The version names the school's changes only when there are some, so a result says whether
    // the shipped library alone decided it.
    version: hasAny(overrides) ? `${base.version}+school` : base.version,
  };
  const local = localRules.length > 0 ? detectorOf(localRules, base) : null;
  const allowedRules = overrides.allowedTerms.map((term) =>
    localRule({ id: term.id, phrase: term.phrase, category: "profanity", weight: 0, severity: 1 }),
  );
  const allowed = allowedRules.length > 0 ? detectorOf(allowedRules, base) : null;
  const offset = base.library.rules.length;

  return {
    library,
    scan(text, options = {}) {
      const matches: RuleMatch[] = [
        ...base.match(text),
        ...(local?.match(text).map((match) => ({ ...match, rule: match.rule + offset })) ?? []),
      ];
      const allowedSpans = (allowed?.match(text) ?? []).map((span) => ({
        ...span,
        phrase: overrides.allowedTerms[span.rule]?.phrase ?? "",
      }));
      const applying = overrides.suppressions.filter((suppression) => applies(suppression, options));
      const adjusted = matches.map((match) => {
        if (match.cancelledBy !== null) return match;
        const inside = allowedSpans.find((span) => span.start <= match.start && match.end <= span.end);
        if (inside) return { ...match, cancelledBy: `allowed by the school: "${inside.phrase}"` };
        const ruleId = library.rules[match.rule]?.id;
        const suppression = applying.find((candidate) => candidate.ruleId === ruleId);
        if (suppression)
          return { ...match, cancelledBy: `suppressed by the school (${describe(suppression)})` };
        return match;
      });
      return scoreMatches(library, adjusted, text, options.profile ?? library.profiles.defaultProfile);
    },
  };
}

function hasAny(overrides: SchoolOverrides): boolean {
  return overrides.localTerms.length + overrides.allowedTerms.length + overrides.suppressions.length > 0;
}

function localRule(term: LocalTerm): Rule {
  return {
    id: `${localRulePrefix}${term.category}.${term.id}`,
    language: "school",
    category: term.category,
    terms: [parseTerm(term.phrase)],
    within: 1,
    weight: term.weight,
    severity: term.severity,
    unless: [],
    ages: null,
    note: "added by the school",
    examples: { match: [], clear: [] },
    location: { file: "school overrides", line: 0 },
  };
}

function detectorOf(rules: Rule[], base: Detector): Detector {
  return createDetector({ rules, profiles: base.library.profiles, version: base.version });
}

function applies(suppression: Suppression, options: OverrideScanOptions): boolean {
  if (suppression.user !== null && suppression.user !== options.user) return false;
  if (suppression.site === null) return true;
  const host = hostOf(options.site ?? "");
  return host === suppression.site || host.endsWith(`.${suppression.site}`);
}

function hostOf(site: string): string {
  const withoutScheme = site.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  return (withoutScheme.split(/[/?#:]/, 1)[0] ?? "").toLowerCase();
}

function describe(suppression: Suppression): string {
  const scope = [
    suppression.site && `on ${suppression.site}`,
    suppression.user && `for ${suppression.user}`,
  ].filter(Boolean);
  return scope.length > 0 ? scope.join(" ") : "for the whole school";
}
