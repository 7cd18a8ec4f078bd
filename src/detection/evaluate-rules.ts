// Term hits -> rule matches: exception spans cancel the hits they overlap (the match is kept and
// marked), a strict hit makes an overlapping aggressive hit of the same rule redundant, and
// co-occurrence rules need every term within `within` words.
import type { View } from "./compile-patterns.js";
import type { TermHit } from "./resolve-hits.js";
import type { Rule } from "./rule.js";

export type RuleMatch = {
  rule: number;
  view: View;
  start: number;
  end: number;
  /** The `unless` phrase (as written) that cancelled this match, or null. */
  cancelledBy: string | null;
};

const overlaps = (a: TermHit, b: TermHit) => a.start < b.end && b.start < a.end;

function cancellation(rule: Rule, hit: TermHit, exceptions: readonly TermHit[]): string | null {
  for (const exception of exceptions) {
    if (overlaps(hit, exception)) return rule.unless[-1 - exception.term]?.source ?? null;
  }
  return null;
}

/** Smallest-span search for a window holding every term; returns the hits in it or null. */
function findWindow(hits: readonly TermHit[], words: readonly number[], termCount: number, within: number) {
  const order = hits.map((_, i) => i).sort((a, b) => words[a]! - words[b]!);
  const counts = new Array<number>(termCount).fill(0);
  let covered = 0;
  let left = 0;
  for (let right = 0; right < order.length; right++) {
    const added = hits[order[right]!]!.term;
    if (counts[added]!++ === 0) covered++;
    while (covered === termCount) {
      const leftIndex = order[left]!;
      if (words[order[right]!]! - words[leftIndex]! <= within)
        return order.slice(left, right + 1).map((i) => hits[i]!);
      const removed = hits[leftIndex]!.term;
      if (--counts[removed]! === 0) covered--;
      left++;
    }
  }
  return null;
}

function coOccurrence(
  rule: Rule,
  index: number,
  terms: TermHit[],
  exceptions: TermHit[],
  wordAt: (offset: number) => number,
): RuleMatch | null {
  const words = terms.map((hit) => wordAt(hit.start));
  const live = terms.map((hit) => cancellation(rule, hit, exceptions) === null);
  const attempt = (keep: (i: number) => boolean): TermHit[] | null => {
    const chosen = terms.filter((_, i) => keep(i));
    return findWindow(
      chosen,
      words.filter((_, i) => keep(i)),
      rule.terms.length,
      rule.within,
    );
  };
  const window =
    attempt((i) => live[i]! && terms[i]!.view === "strict") ??
    attempt((i) => live[i]!) ??
    attempt(() => true);
  if (!window) return null;
  const cancelled =
    window.map((hit) => cancellation(rule, hit, exceptions)).find((by) => by !== null) ?? null;
  return {
    rule: index,
    view: window.every((hit) => hit.view === "strict") ? "strict" : "aggressive",
    start: Math.min(...window.map((hit) => hit.start)),
    end: Math.max(...window.map((hit) => hit.end)),
    cancelledBy: cancelled,
  };
}

/** Applies exceptions, view precedence and co-occurrence to one chunk's term hits. */
export function evaluateRules(
  rules: readonly Rule[],
  hits: readonly TermHit[],
  wordAt: (offset: number) => number,
): RuleMatch[] {
  const byRule = new Map<number, TermHit[]>();
  for (const hit of hits) {
    const list = byRule.get(hit.rule);
    if (list) list.push(hit);
    else byRule.set(hit.rule, [hit]);
  }
  const matches: RuleMatch[] = [];
  for (const [index, ruleHits] of byRule) {
    const rule = rules[index]!;
    const exceptions = ruleHits.filter((hit) => hit.term < 0);
    const terms = ruleHits.filter((hit) => hit.term >= 0);
    if (terms.length === 0) continue;
    if (rule.terms.length > 1) {
      const match = coOccurrence(rule, index, terms, exceptions, wordAt);
      if (match) matches.push(match);
      continue;
    }
    const strict = terms.filter((hit) => hit.view === "strict");
    for (const hit of terms) {
      if (hit.view === "aggressive" && strict.some((other) => overlaps(hit, other))) continue;
      const { view, start, end } = hit;
      matches.push({ rule: index, view, start, end, cancelledBy: cancellation(rule, hit, exceptions) });
    }
  }
  return matches;
}
