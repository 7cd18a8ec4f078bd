// Timing helpers: every figure is the median of several runs, with the spread kept beside it.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * This process's CPU time in milliseconds. On a shared machine, wall time mostly measures how often
 * the scheduler let us run; CPU time does not (cache contention from other work still shows).
 */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export type Spread = { median: number; min: number; max: number; runs: number };

/** Median, min and max of `values` (at least one). */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/**
 * CPU milliseconds taken by each of `runs` calls of `task`, after a full garbage collection and
 * `warmUps` untimed calls. Process CPU time counts V8's compiler and collector threads too: they
 * are busy while new code warms up, and marking a heap full of what earlier measurements left
 * behind was charged to whichever run it fell in. The warm-ups come after the collection, which
 * leaves memory to sweep on other threads: timed at once, a run of a few milliseconds paid for it.
 */
export function timeRuns(runs: number, task: () => void, warmUps = 1): number[] {
  collectGarbage();
  for (let call = 0; call < warmUps; call++) task();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = cpuNow();
    task();
    times.push(cpuNow() - started);
  }
  return times;
}

/** MB/s (10^6 characters per second) for each time in milliseconds. */
export function throughput(characters: number, times: readonly number[]): Spread {
  return spread(times.map((ms) => characters / 1e3 / ms));
}

/**
 * Nanoseconds per call of `task` over `events`, each run time-boxed to `budgetMs`; one warm-up
 * pass first. Returns the spread over `runs` runs.
 */
export function nsPerEvent(
  events: readonly string[],
  task: (event: string) => void,
  runs: number,
  budgetMs: number,
): Spread {
  for (const event of events) task(event);
  const results: number[] = [];
  for (let run = 0; run < runs; run++) {
    let calls = 0;
    const started = cpuNow();
    let elapsed = 0;
    while (elapsed < budgetMs) {
      for (let i = 0; i < 256; i++) task(events[(calls + i) % events.length]!);
      calls += 256;
      elapsed = cpuNow() - started;
    }
    results.push((elapsed * 1e6) / calls);
  }
  return spread(results);
}

let collect: (() => void) | undefined;

/** Forces a full garbage collection (exposes V8's gc once, without a command-line flag). */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  // Twice: V8 frees the memory of dead typed arrays after a collection, on another thread, and
  // the second collection waits for that. With one, a build's freed scratch tables (about 160 MB
  // for the 100,000-phrase library) were sometimes still counted as retained.
  collect();
  collect();
}

/** Heap growth in bytes (heap used + external + array buffers) while `build` runs and its result lives. */
export function retainedBytes<T>(build: () => T): { value: T; bytes: number } {
  collectGarbage();
  const before = process.memoryUsage();
  const value = build();
  collectGarbage();
  const after = process.memoryUsage();
  const bytes = after.heapUsed + after.external - (before.heapUsed + before.external);
  return { value, bytes };
}
