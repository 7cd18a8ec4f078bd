/** Precision, recall, F1 and false-positive rate from a confusion matrix. */
export type Confusion = { tp: number; fp: number; tn: number; fn: number };

export type Metrics = Confusion & {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  falsePositiveRate: number | null;
};

/** Metrics, with null where a ratio has no denominator (a set with no positives has no recall). */
export function metricsOf(confusion: Confusion): Metrics {
  const ratio = (top: number, bottom: number) => (bottom === 0 ? null : top / bottom);
  const precision = ratio(confusion.tp, confusion.tp + confusion.fp);
  const recall = ratio(confusion.tp, confusion.tp + confusion.fn);
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return {
    ...confusion,
    precision,
    recall,
    f1,
    falsePositiveRate: ratio(confusion.fp, confusion.fp + confusion.tn),
  };
}

/** Counts a prediction into a confusion matrix. */
export function count(confusion: Confusion, positive: boolean, predicted: boolean): void {
  if (positive && predicted) confusion.tp += 1;
  else if (positive) confusion.fn += 1;
  else if (predicted) confusion.fp += 1;
  else confusion.tn += 1;
}
