// The detection measurements, as plain numbers (suite.ts turns them into tables). Every input is
// passed in, so the smoke test can run the same code on tiny inputs.
import type * as DetectionModule from "../../src/detection/index.js";
import type { CompiledLibrary, Library } from "../../src/detection/index.js";
import { type Baseline, alternationBaseline, obscenityBaseline, singlePhraseTerms } from "./baselines.js";
import { createRandom } from "../../src/platform/seeded-random.js";
import { generateMixedText } from "./corpus.js";
import { type Spread, cpuNow, nsPerEvent, retainedBytes, spread, throughput, timeRuns } from "./measure.js";
import { syntheticLibrary } from "./synthetic-library.js";

/** The engine under test: the compiled JavaScript `vigil` runs (suite.ts), or the sources in tests. */
export type DetectionEngine = Pick<typeof DetectionModule, "compileLibrary" | "createDetector">;

export type DetectionBenchOptions = {
  engine: DetectionEngine;
  library: Library;
  /** Milliseconds to load the library from disk, one per run (measured by the caller). */
  loadTimes: readonly number[];
  /** Brown sentences joined by newlines, or null when the file is absent. */
  brownText: string | null;
  mixedSize: number;
  seed: number;
  runs: number;
  eventBudgetMs: number;
  /** Sample sizes (characters) for the slow baselines. */
  obscenitySample: number;
  alternationSample: number;
  syntheticPhrases: number;
  /** Stop repeating the synthetic build once this much time has gone (at least one run). */
  syntheticBudgetMs: number;
  progress: (message: string) => void;
};

export type BaselineResult = { name: string; sample: number; buildMs: number; mbps: Spread; vigil: Spread };

export type DetectionBenchResult = {
  load: Spread;
  build: Spread;
  heapBytes: number;
  tableBytes: number;
  stateCount: number;
  brown: { characters: number; mbps: Spread } | null;
  mixed: { characters: number; mbps: Spread };
  /** Slices of the mixed text, and (when the file is there) of the Brown sentences: ordinary prose. */
  events: { source: "mixed" | "brown"; length: number; vigil: Spread; obscenity: Spread }[];
  baselines: BaselineResult[];
  synthetic: { phrases: number; build: Spread; tableBytes: number; heapBytes: number; stateCount: number };
};

/**
 * Bytes held by the compiled automata's typed arrays (the whole buffer under the transitions, rows
 * kept spare included), and their total state count.
 */
export function automatonSize(compiled: CompiledLibrary): { bytes: number; states: number } {
  let bytes = 0;
  let states = 0;
  for (const view of [compiled.strict, compiled.aggressive]) {
    for (const group of [view.latin, view.other]) {
      if (!group) continue;
      const { delta, classOf, outFirst, outNext, dictLink, stateCount } = group.automaton;
      bytes += delta.buffer.byteLength + classOf.byteLength + outFirst.byteLength;
      bytes += outNext.byteLength + dictLink.byteLength;
      const { at, pattern, rule, termBit } = group.outputs;
      bytes += at.byteLength + pattern.byteLength + rule.byteLength + termBit.byteLength;
      states += stateCount;
    }
  }
  return { bytes, states };
}

/** `count` slices of `length` characters from `text`, at seeded offsets. */
export function sampleEvents(text: string, length: number, count: number, seed: number): string[] {
  const random = createRandom(seed);
  const events: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * Math.max(1, text.length - length));
    events.push(text.slice(at, at + length));
  }
  return events;
}

function measureBaseline(
  baseline: Baseline,
  text: string,
  scan: (text: string) => unknown,
  runs: number,
): BaselineResult {
  const started = cpuNow();
  const count = baseline.build();
  const buildMs = cpuNow() - started;
  const mbps = throughput(
    text.length,
    timeRuns(runs, () => count(text)),
  );
  const vigil = throughput(
    text.length,
    timeRuns(runs, () => scan(text)),
  );
  return { name: baseline.name, sample: text.length, buildMs, mbps, vigil };
}

/** Build time (repeated while the time budget lasts), table size and heap growth of a large library. */
function measureSyntheticBuild(options: DetectionBenchOptions): DetectionBenchResult["synthetic"] {
  const { compileLibrary } = options.engine;
  const synthetic = syntheticLibrary(options.syntheticPhrases, options.seed);
  let size = { bytes: 0, states: 0 };
  const times: number[] = [];
  const { bytes: heapBytes } = retainedBytes(() => {
    const started = cpuNow();
    const built = compileLibrary(synthetic);
    times.push(cpuNow() - started);
    size = automatonSize(built);
    return built;
  });
  const budgetStart = performance.now();
  while (
    times.length < options.runs &&
    performance.now() - budgetStart + times[0]! < options.syntheticBudgetMs
  ) {
    options.progress(`  synthetic build, run ${times.length + 1}`);
    times.push(...timeRuns(1, () => compileLibrary(synthetic), 0));
  }
  const phrases = options.syntheticPhrases;
  return { phrases, build: spread(times), tableBytes: size.bytes, heapBytes, stateCount: size.states };
}

/**
 * The Brown sentences are the first text scanned, while V8 is still compiling the scan's code on
 * its own threads, which process CPU time counts: with one warm-up, the first timed runs came out
 * at half the speed of the last ones. Three warm-ups (18 MB) measure the steady state.
 */
const BROWN_WARM_UPS = 3;

/** Runs every detection measurement described in bench/detection/README (see suite.ts). */
export function runDetectionBench(options: DetectionBenchOptions): DetectionBenchResult {
  const { library, runs, progress } = options;
  const { compileLibrary, createDetector } = options.engine;
  progress("compiling the library");
  const { value: compiled, bytes: heapBytes } = retainedBytes(() => compileLibrary(library));
  const build = spread(timeRuns(runs, () => compileLibrary(library), 0));
  const size = automatonSize(compiled);
  const detector = createDetector(library, compiled);
  const scan = (text: string) => detector.scan(text);

  let brown: DetectionBenchResult["brown"] = null;
  if (options.brownText !== null) {
    progress(`scanning the Brown sentences (${BROWN_WARM_UPS} untimed, then ${runs} runs)`);
    const text = options.brownText;
    brown = {
      characters: text.length,
      mbps: throughput(
        text.length,
        timeRuns(runs, () => scan(text), BROWN_WARM_UPS),
      ),
    };
  }

  progress(`generating ${(options.mixedSize / 1e6).toFixed(1)} MB of mixed text (seed ${options.seed})`);
  const terms = singlePhraseTerms(library);
  const mixedText = generateMixedText({ size: options.mixedSize, seed: options.seed, phrases: terms });
  progress(`scanning the mixed text (${runs} runs)`);
  scan(mixedText.slice(0, Math.min(mixedText.length, 2_000_000)));
  const mixed = {
    characters: mixedText.length,
    mbps: throughput(
      mixedText.length,
      timeRuns(runs, () => scan(mixedText), 0),
    ),
  };

  progress("per-event latency");
  const obscenityMatch = obscenityBaseline(terms).build();
  const sources: { source: "mixed" | "brown"; text: string }[] = [{ source: "mixed", text: mixedText }];
  if (options.brownText !== null) sources.push({ source: "brown", text: options.brownText });
  const events = sources.flatMap(({ source, text }) =>
    [40, 200].map((length) => {
      const sample = sampleEvents(text, length, 2000, options.seed + length);
      const vigil = nsPerEvent(sample, scan, runs, options.eventBudgetMs);
      const obscenity = nsPerEvent(
        sample.slice(0, 50),
        obscenityMatch,
        Math.min(runs, 3),
        options.eventBudgetMs,
      );
      return { source, length, vigil, obscenity };
    }),
  );

  progress("baselines: obscenity and one RegExp alternation over the same terms");
  const baselines = [
    measureBaseline(
      obscenityBaseline(terms),
      mixedText.slice(0, options.obscenitySample),
      scan,
      Math.min(runs, 3),
    ),
    measureBaseline(
      alternationBaseline(terms),
      mixedText.slice(0, options.alternationSample),
      scan,
      Math.min(runs, 3),
    ),
  ];

  progress(`building a synthetic ${options.syntheticPhrases.toLocaleString("en")}-phrase library`);
  const synthetic = measureSyntheticBuild(options);
  return {
    load: spread(options.loadTimes),
    build,
    heapBytes,
    tableBytes: size.bytes,
    stateCount: size.states,
    brown,
    mixed,
    events,
    baselines,
    synthetic,
  };
}
