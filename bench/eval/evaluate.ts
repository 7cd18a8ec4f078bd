/** Runs every predictor over every set and collects their metrics. */
import type { EvalSet } from "./datasets.js";
import type { Predictor } from "./detectors.js";
import { count, metricsOf, type Confusion, type Metrics } from "./metrics.js";

export type SetResult = { set: EvalSet; byPredictor: Map<string, Metrics> };

/** Evaluates; `onProgress` is told how many texts of the current set are done. */
export function evaluate(
  sets: readonly EvalSet[],
  predictors: readonly Predictor[],
  onProgress: (set: EvalSet, done: number) => void = () => undefined,
): SetResult[] {
  return sets.map((set) => {
    const confusions = new Map<string, Confusion>(
      predictors.map((p) => [p.name, { tp: 0, fp: 0, tn: 0, fn: 0 }]),
    );
    set.items.forEach((item, index) => {
      for (const predictor of predictors) {
        count(
          confusions.get(predictor.name)!,
          item.positive,
          predictor.predict(item.text, set.vigilCategory),
        );
      }
      if (index % 500 === 0) onProgress(set, index);
    });
    onProgress(set, set.items.length);
    return {
      set,
      byPredictor: new Map([...confusions].map(([name, confusion]) => [name, metricsOf(confusion)])),
    };
  });
}
