import { expect, it } from "vitest";
import { count, metricsOf, type Confusion } from "./metrics.js";

it("computes precision, recall, F1 and false-positive rate, with null where undefined", () => {
  const confusion: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const [positive, predicted] of [
    [true, true],
    [true, true],
    [true, false],
    [false, true],
    [false, false],
    [false, false],
  ] as const) {
    count(confusion, positive, predicted);
  }
  const metrics = metricsOf(confusion);
  expect(metrics).toMatchObject({ tp: 2, fn: 1, fp: 1, tn: 2 });
  expect(metrics.precision).toBeCloseTo(2 / 3);
  expect(metrics.recall).toBeCloseTo(2 / 3);
  expect(metrics.f1).toBeCloseTo(2 / 3);
  expect(metrics.falsePositiveRate).toBeCloseTo(1 / 3);
  expect(metricsOf({ tp: 0, fp: 0, tn: 5, fn: 0 })).toMatchObject({
    precision: null,
    recall: null,
    falsePositiveRate: 0,
  });
});
