/**
 * The evaluation as a test, so CI fails when detection falls below its targets. Skipped, saying
 * so, where the public data is not beside the repository.
 */
import { describe, expect, it } from "vitest";
import { createDetector } from "../../src/detection/index.js";
import { readPhraseLibrary } from "../../src/library/read-phrase-library.js";
import { evalDataRoot, loadEvalSets } from "./datasets.js";
import { naughtyWordsPredictor, obscenityPredictor, vigilPredictor } from "./detectors.js";
import { evaluate } from "./evaluate.js";
import { checkTargets } from "./targets.js";

const { sets } = loadEvalSets();

describe.skipIf(sets.length === 0)(`detection evaluation on ${evalDataRoot()}`, () => {
  it("meets every target and beats both baselines on every set", { timeout: 180_000 }, () => {
    const { library, issues } = readPhraseLibrary();
    expect(issues, "the library loads whole").toEqual([]);
    const results = evaluate(sets, [
      vigilPredictor(createDetector(library)),
      obscenityPredictor(),
      naughtyWordsPredictor(),
    ]);
    const missed = checkTargets(results).filter((check) => !check.met);
    expect(missed.map((check) => check.description)).toEqual([]);
  });
});
