/**
 * The targets Vigil must meet on the development sets (issue 3), checked by `npm run eval` and
 * by the evaluation test. "beats baselines" means a better F1 than every baseline on that set.
 */
import type { SetResult } from "./evaluate.js";

export type Target = {
  set: string;
  metric: "recall" | "falsePositiveRate";
  atLeast?: number;
  atMost?: number;
};

export const targets: Target[] = [
  { set: "Davidson hate+offensive vs neither", metric: "recall", atLeast: 0.85 },
  { set: "Davidson hate+offensive vs neither", metric: "falsePositiveRate", atMost: 0.25 },
  { set: "r/SuicideWatch vs r/teenagers (self-harm)", metric: "recall", atLeast: 0.8 },
  { set: "r/teenagers posts (any alert)", metric: "falsePositiveRate", atMost: 0.15 },
  { set: "Brown corpus sentences (any alert)", metric: "falsePositiveRate", atMost: 0.01 },
];

export type TargetCheck = { description: string; met: boolean };

/** Each target and, for every set with positives, whether Vigil's F1 beats every baseline. */
export function checkTargets(results: readonly SetResult[], vigil = "Vigil"): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const target of targets) {
    const result = results.find((candidate) => candidate.set.name === target.set);
    if (!result) continue;
    const value = result.byPredictor.get(vigil)?.[target.metric] ?? null;
    const met =
      value !== null &&
      (target.atLeast === undefined || value >= target.atLeast) &&
      (target.atMost === undefined || value <= target.atMost);
    const bound = target.atLeast !== undefined ? `>= ${target.atLeast}` : `<= ${target.atMost ?? ""}`;
    checks.push({
      description: `${target.set}: ${target.metric} ${value?.toFixed(3) ?? "n/a"} ${bound}`,
      met,
    });
  }
  for (const result of results) {
    const ours = result.byPredictor.get(vigil)?.f1 ?? null;
    if (ours === null) continue;
    const others = [...result.byPredictor].filter(([name]) => name !== vigil);
    const best = Math.max(...others.map(([, metrics]) => metrics.f1 ?? 0));
    checks.push({
      description: `${result.set.name}: F1 ${ours.toFixed(3)} beats baselines (best ${best.toFixed(3)})`,
      met: ours > best,
    });
  }
  return checks;
}
