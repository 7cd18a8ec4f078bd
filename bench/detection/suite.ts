// `npm run bench` detection suite: loads the shipped library, runs detection-bench.ts and lays the
// figures out as tables (medians with min-max, sizes, and the ratio against obscenity).
// It measures the compiled engine in dist/ (what `vigil` runs; `npm run bench` builds it first), not
// the TypeScript sources: the bench runs under tsx, whose transform wraps every closure made on the
// hot path in a naming call that production code never pays for.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import type * as DetectionModule from "../../src/detection/index.js";
import type * as LibraryModule from "../../src/library/read-phrase-library.js";
import type { BenchSuite, BenchTable } from "../run-bench.js";
import { type DetectionBenchResult, runDetectionBench } from "./detection-bench.js";
import { type Spread, cpuNow } from "./measure.js";

/** A module of the compiled server in dist/, or a clear error when it has not been built. */
async function importCompiled<Module>(path: string): Promise<Module> {
  const file = join(import.meta.dirname, "..", "..", "dist", path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`);
  return (await import(pathToFileURL(file).href)) as Module;
}

/** The Brown sentences file (VIGIL_EVAL_DATA overrides the shared data folder beside the repository). */
export function brownPath(): string {
  const root =
    process.env.VIGIL_EVAL_DATA ?? join(import.meta.dirname, "..", "..", "..", "shared", "data", "text");
  return join(root, "brown-benign", "brown_sentences.csv");
}

function readBrown(path: string): string | null {
  if (!existsSync(path)) return null;
  const rows = parse<Record<string, string>>(readFileSync(path), { columns: true, skip_empty_lines: true });
  return rows.map((row) => row["text"] ?? "").join("\n");
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const fixed = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
const range = (s: Spread) => `${fixed(s.median)} (${fixed(s.min)}–${fixed(s.max)}, n=${s.runs})`;

function tables(result: DetectionBenchResult, issues: number, rules: number): BenchTable[] {
  const throughputRows = [
    result.brown
      ? ["Vigil scan, Brown sentences (one text)", mb(result.brown.characters), range(result.brown.mbps)]
      : ["Vigil scan, Brown sentences", "-", "skipped: brown_sentences.csv not found"],
    ["Vigil scan, generated mixed text", mb(result.mixed.characters), range(result.mixed.mbps)],
    ...result.baselines.flatMap((b) => [
      [`${b.name} (sample)`, mb(b.sample), range(b.mbps)],
      [
        `Vigil scan, same sample`,
        mb(b.sample),
        `${range(b.vigil)}: ${fixed(b.vigil.median / b.mbps.median)}× faster`,
      ],
    ]),
  ];
  const obscenity = result.baselines[0];
  return [
    {
      title: "Throughput, one core, full library and normalisation (MB/s = 10^6 characters/s)",
      columns: ["what", "text", "MB/s median (min–max)"],
      rows: throughputRows,
      notes: [
        "Single thread, timed in process CPU time; each figure is the median of n runs, min–max in brackets.",
        "Baselines run on a prefix of the mixed text, because they are too slow for 50 MB; Vigil is timed on the same prefix.",
        obscenity
          ? `Vigil vs obscenity on the same terms and text: ${fixed(obscenity.vigil.median / obscenity.mbps.median)}×.`
          : "",
      ],
    },
    {
      title: "Latency per event (slices of the mixed text, and of the Brown sentences)",
      columns: ["event", "Vigil ns/event median (min–max)", "obscenity ns/event median (min–max)"],
      rows: result.events.map((e) => [
        `${e.length} characters, ${e.source === "mixed" ? "mixed text" : "Brown sentences"}`,
        range(e.vigil),
        range(e.obscenity),
      ]),
    },
    {
      title: "Library load, automaton build and memory",
      columns: ["what", "median ms (min–max)", "tables", "heap growth", "states"],
      rows: [
        [`load ${rules} rules (YAML parse + validate, ${issues} issues)`, range(result.load), "-", "-", "-"],
        [
          "build (strict + aggressive automata)",
          range(result.build),
          mb(result.tableBytes),
          mb(result.heapBytes),
          String(result.stateCount),
        ],
        ...result.baselines.map((b) => [`${b.name} build`, fixed(b.buildMs), "-", "-", "-"]),
        [
          `build, synthetic ${result.synthetic.phrases.toLocaleString("en")}-phrase library`,
          range(result.synthetic.build),
          mb(result.synthetic.tableBytes),
          mb(result.synthetic.heapBytes),
          String(result.synthetic.stateCount),
        ],
      ],
    },
  ];
}

export const detectionSuite: BenchSuite = {
  name: "detection",
  description: "phrase detection engine: throughput, latency, build, memory, against obscenity",
  async run({ progress }) {
    const engine = await importCompiled<typeof DetectionModule>("detection/index.js");
    const { readPhraseLibrary } = await importCompiled<typeof LibraryModule>(
      "library/read-phrase-library.js",
    );
    progress("loading the phrase library (3 runs)");
    const loadTimes: number[] = [];
    let loaded = readPhraseLibrary();
    for (let run = 0; run < 3; run++) {
      const started = cpuNow();
      loaded = readPhraseLibrary();
      loadTimes.push(cpuNow() - started);
    }
    const path = brownPath();
    const brownText = readBrown(path);
    if (brownText === null) progress(`Brown sentences not found at ${path}: that row is skipped`);
    const seed = 20240611;
    const result = runDetectionBench({
      engine,
      library: loaded.library,
      loadTimes,
      brownText,
      mixedSize: 50_000_000,
      seed,
      runs: 5,
      eventBudgetMs: 300,
      obscenitySample: 250_000,
      alternationSample: 2_000_000,
      syntheticPhrases: 100_000,
      syntheticBudgetMs: 40_000,
      progress,
    });
    const out = tables(result, loaded.issues.length, loaded.library.rules.length);
    out[0]!.notes!.push(`Library ${loaded.library.version}; mixed text seed ${seed}.`);
    return out;
  },
};
