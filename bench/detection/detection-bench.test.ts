// Smoke test only: the bench code runs end to end on tiny inputs and returns sane numbers. No
// timing is asserted (that belongs to `npm run bench`, on a quiet machine).
import { describe, expect, it } from "vitest";
import { compileLibrary, createDetector } from "../../src/detection/index.js";
import { buildLibrary, buildPhraseFile } from "../../src/detection/library.builder.js";
import { alternationBaseline, obscenityBaseline, singlePhraseTerms } from "./baselines.js";
import { createRandom } from "../../src/platform/seeded-random.js";
import { generateMixedText } from "./corpus.js";
import { runDetectionBench } from "./detection-bench.js";
import { spread } from "./measure.js";
import { syntheticPhrases } from "./synthetic-library.js";

const library = buildLibrary(
  buildPhraseFile("bullying", [
    { id: "kys", phrase: "kill yourself" },
    { id: "loser", phrase: "loser" },
    { id: "hate-you", all: ["hate", "you"], within: 3, match: ["i hate you"] },
  ]),
);

const isSane = (value: number) => Number.isFinite(value) && value > 0;

describe("detection bench", () => {
  it("generates the same text for the same seed", () => {
    const options = { size: 5000, seed: 7, phrases: ["kill yourself"] };
    expect(generateMixedText(options)).toBe(generateMixedText(options));
    expect(generateMixedText(options)).toHaveLength(5000);
    expect(createRandom(1)()).toBe(createRandom(1)());
  });

  it("makes distinct synthetic phrases", () => {
    expect(new Set(syntheticPhrases(500, 3)).size).toBe(500);
  });

  it("builds baselines over the single-phrase terms that find the terms", () => {
    const terms = singlePhraseTerms(library);
    expect(terms.sort()).toEqual(["kill yourself", "loser"]);
    expect(obscenityBaseline(terms).build()("what a loser, kill yourself")).toBe(2);
    expect(alternationBaseline(terms).build()("what a LOSER, kill yourself")).toBe(2);
  });

  it("takes the median with its spread", () => {
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: 3 });
    expect(spread([4, 1, 2, 3]).median).toBe(2.5);
  });

  it("runs every measurement on tiny inputs", () => {
    const result = runDetectionBench({
      engine: { compileLibrary, createDetector },
      library,
      loadTimes: [1, 2, 3],
      brownText: "The jury said. Friday was fine.\nAnother sentence here.",
      mixedSize: 20_000,
      seed: 1,
      runs: 2,
      eventBudgetMs: 2,
      obscenitySample: 2000,
      alternationSample: 5000,
      syntheticPhrases: 300,
      syntheticBudgetMs: 1000,
      progress: () => {},
    });
    expect(isSane(result.mixed.mbps.median)).toBe(true);
    expect(isSane(result.brown!.mbps.median)).toBe(true);
    expect(result.events.map((e) => `${e.source} ${e.length}`)).toEqual([
      "mixed 40",
      "mixed 200",
      "brown 40",
      "brown 200",
    ]);
    for (const e of result.events) expect(isSane(e.vigil.median) && isSane(e.obscenity.median)).toBe(true);
    for (const b of result.baselines) expect(isSane(b.mbps.median) && isSane(b.vigil.median)).toBe(true);
    expect(isSane(result.build.median) && isSane(result.tableBytes) && isSane(result.stateCount)).toBe(true);
    expect(result.synthetic.phrases).toBe(300);
    expect(isSane(result.synthetic.build.median) && isSane(result.synthetic.tableBytes)).toBe(true);
  });
});
