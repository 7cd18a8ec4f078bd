/**
 * Capture benchmarks: the event API's throughput (concurrent senders posting batches over real
 * HTTP, group commit, durable SQLite) and a Squid log's lines per second through parse, detection
 * and store. Each run uses a fresh database in a temporary folder and prints figures a person
 * can compare between machines and commits.
 *
 * Run alone: `npx tsx bench/capture/capture.bench.ts [--events N] [--lines N] [--memory-lines N]`.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { LocalEventQueue } from "../../src/capture/events/event-queue.js";
import { ingestLogFile } from "../../src/capture/file-ingest/ingest-log-file.js";
import { PipelineWorker } from "../../src/capture/pipeline/pipeline-worker.js";
import { buildIngestKey } from "../../src/capture/test-support/capture-builders.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { openDatabase, type VigilDatabase } from "../../src/db/open-database.js";
import { shippedDetector } from "../../src/library/shipped-detector.js";
import { shippedUrlLookup } from "../../src/library/shipped-url-lookup.js";
import { loadConfig } from "../../src/platform/config/load-config.js";
import { createServer } from "../../src/platform/http/create-server.js";
import { markSetupComplete } from "../../src/setup/setup-state.js";
import { buildSchool } from "../../src/test-support/builders.js";

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export interface CaptureBenchOptions {
  /** Events posted through the API (default 40,000). */
  events?: number;
  senders?: number;
  batchSize?: number;
  /** Lines in the generated Squid log (default 200,000). */
  lines?: number;
  /** Lines in the log ingested to watch memory (default 10,000,000; 0 skips it). */
  memoryLines?: number;
  log?: (line: string) => void;
}

/** The capture suite, for `bench/run-bench.ts`: a name and a function returning figures. */
export const captureBench = {
  name: "capture",
  run: runCaptureBench,
};

/** Runs both capture benchmarks and returns their figures. */
export async function runCaptureBench(options: CaptureBenchOptions = {}): Promise<BenchFigure[]> {
  shippedDetector();
  shippedUrlLookup(); // built once per process; not part of any figure
  return [
    ...(await benchEventApi(options)),
    ...(await benchLogFile(options)),
    ...(await benchLogFileMemory(options)),
  ];
}

async function withDatabase<T>(work: (database: VigilDatabase, folder: string) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), "vigil-bench-"));
  const database = await openDatabase(join(folder, "vigil.db"));
  try {
    await migrateToLatest(database.db);
    return await work(database, folder);
  } finally {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function benchEventApi(options: CaptureBenchOptions): Promise<BenchFigure[]> {
  const total = options.events ?? 40_000;
  const senders = options.senders ?? 4;
  const batchSize = options.batchSize ?? 500;
  return withDatabase(async (database) => {
    await markSetupComplete(database.db);
    const { schoolId } = await buildSchool(database);
    const { secret } = await buildIngestKey(database, schoolId);
    const config = { ...loadConfig({}), logLevel: "silent" as const, eventQueueLimit: 100_000_000 };
    const app = await createServer({ config, database });
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    const batches = Math.ceil(total / batchSize);
    let next = 0;
    const sender = async (senderIndex: number) => {
      for (let batch = next++; batch < batches; batch = next++) {
        const events = Array.from({ length: batchSize }, (_, i) =>
          simulatedEvent(senderIndex, batch * batchSize + i),
        );
        const response = await fetch(`${address}/api/v1/events`, {
          method: "POST",
          headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
          body: JSON.stringify({ events }),
        });
        if (response.status !== 200)
          throw new Error(`batch ${batch}: HTTP ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: senders }, (_, index) => sender(index)));
    const seconds = (performance.now() - started) / 1000;
    await app.close();
    const rate = Math.round((batches * batchSize) / seconds);
    options.log?.(`event API: ${batches * batchSize} events in ${seconds.toFixed(2)} s`);
    return [
      {
        name: `event API, ${senders} senders, batches of ${batchSize} (${database.capabilities.engine}, synchronous=FULL)`,
        value: rate,
        unit: "events/s",
        note: "target ≥ 20,000",
      },
    ];
  });
}

/**
 * Lines per second through `vigil ingest`, end to end: on an ordinary day's log (one line in 100 a
 * concern, as in a school), and on a stress log where one line in 4 raises an alert.
 */
async function benchLogFile(options: CaptureBenchOptions): Promise<BenchFigure[]> {
  return [
    ...(await benchLogFileMix(options, ordinaryDay, "an ordinary day: 1 line in 100 a concern")),
    ...(await benchLogFileMix(options, stressDay, "stress: 1 line in 4 a concern")),
  ];
}

async function benchLogFileMix(
  options: CaptureBenchOptions,
  concerningEvery: number,
  mix: string,
): Promise<BenchFigure[]> {
  const lines = options.lines ?? 200_000;
  return withDatabase(async (database, folder) => {
    const { schoolId } = await buildSchool(database);
    const path = join(folder, "access.log");
    writeFileSync(path, simulatedSquidLog(lines, 0, concerningEvery));
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    // `vigil ingest` runs detection on each batch before storing it; the pipeline's drain is timed
    // too, so that anything left for it would count.
    const report = await ingestLogFile({ database, schoolId, source: "bench", format: "squid", path });
    const pipeline = new PipelineWorker(database, new LocalEventQueue(database), { batchSize: 2_000 });
    const left = await pipeline.drain();
    const finished = performance.now();
    const growthMb = (process.memoryUsage().rss - rss) / 1024 / 1024;
    options.log?.(
      `log file (${mix}): ${report.lines} lines, ${report.stored} stored, ` +
        `${report.alertsCreated + left.alertsCreated} alerts ` +
        `(${report.alertsGrouped + left.alertsGrouped} grouped), ${left.processed} left for the pipeline`,
    );
    return [
      {
        name: `Squid log, ${mix}: end to end, including detection`,
        value: Math.round(report.lines / ((finished - started) / 1000)),
        unit: "lines/s",
        note: `target ≥ 100,000; RSS grew ${growthMb.toFixed(0)} MB`,
      },
    ];
  });
}

/**
 * Memory while a very large log is ingested: it must stay flat, whatever the file's size, because
 * the file is read in batches and nothing per line is kept. Sampled four times a second and after every batch.
 */
async function benchLogFileMemory(options: CaptureBenchOptions): Promise<BenchFigure[]> {
  const lines = options.memoryLines ?? 10_000_000;
  if (lines === 0) return [];
  return withDatabase(async (database, folder) => {
    const { schoolId } = await buildSchool(database);
    const path = join(folder, "large-access.log");
    options.log?.(`memory: writing a ${lines.toLocaleString("en-GB")}-line Squid log`);
    writeLargeSquidLog(path, lines);
    const samples: { lines: number; rss: number }[] = [];
    let linesSoFar = 0;
    const sample = () => samples.push({ lines: linesSoFar, rss: process.memoryUsage().rss });
    const timer = setInterval(sample, 250);
    let lastShown = 0;
    sample();
    try {
      await ingestLogFile({
        database,
        schoolId,
        source: "bench-memory",
        format: "squid",
        path,
        onProgress: (progress) => {
          linesSoFar = progress.lines;
          // Also after every batch: the timer cannot fire while a batch is detected and stored,
          // and the peak is then, so timer samples alone missed it.
          sample();
          if (Date.now() - lastShown > 5_000) {
            lastShown = Date.now();
            const rssMb = (process.memoryUsage().rss / 1024 / 1024).toFixed(0);
            options.log?.(
              `memory: ${progress.lines.toLocaleString("en-GB")} of ${lines.toLocaleString("en-GB")} lines, RSS ${rssMb} MB`,
            );
          }
        },
      });
    } finally {
      clearInterval(timer);
    }
    sample();
    const mb = (bytes: number) => bytes / 1024 / 1024;
    const peak = Math.max(...samples.map((entry) => entry.rss));
    // Flat means: the last tenth of the file costs no more memory than the first tenth did.
    const afterFirstTenth = samples.find((entry) => entry.lines >= lines / 10)?.rss ?? peak;
    const atEnd = samples[samples.length - 1]?.rss ?? peak;
    return [
      {
        name: `Squid log of ${lines.toLocaleString("en-GB")} lines: peak RSS while ingesting`,
        value: Math.round(mb(peak)),
        unit: "MB",
        note: `RSS after the first tenth ${mb(afterFirstTenth).toFixed(0)} MB, at the end ${mb(atEnd).toFixed(0)} MB`,
      },
    ];
  });
}

/** Writes the log in slices, so the benchmark itself never holds the whole file in memory. */
function writeLargeSquidLog(path: string, lines: number): void {
  const fd = openSync(path, "w");
  try {
    const slice = 100_000;
    for (let written = 0; written < lines; written += slice) {
      writeSync(fd, simulatedSquidLog(Math.min(slice, lines - written), written, ordinaryDay));
    }
  } finally {
    closeSync(fd);
  }
}

function simulatedEvent(sender: number, n: number): Record<string, unknown> {
  const common = {
    id: `bench-${sender}-${n}`,
    time: new Date(Date.UTC(2025, 2, 5, 9) + n * 10).toISOString(),
    source: "bench",
    user: `pupil${n % 600}@school.example`,
    device: `LAPTOP-${n % 300}`,
  };
  if (n % 10 === 0)
    return { ...common, kind: "typed-text", text: "did you finish the homework for tomorrow" };
  return { ...common, kind: "web-visit", url: apiSites[n % apiSites.length], action: "allowed", status: 200 };
}

/** Sites pupils visit on an ordinary school day. */
const ordinarySites = [
  "http://www.bbc.co.uk/news/education",
  "https://www.google.com/search?q=volcano+facts",
  "https://en.wikipedia.org/wiki/Photosynthesis",
  "https://www.youtube.com/watch?v=abc123",
  "https://classroom.google.com/u/0/h",
  "https://www.bbc.co.uk/bitesize/subjects/z6svr82",
  "https://www.google.co.uk/search?q=romeo+and+juliet+act+3+summary",
  "https://www.timestables.co.uk/",
  "https://docs.google.com/document/d/1abc/edit",
  "https://www.duolingo.com/learn",
];

/** Visits that raise an alert: a search for drugs and a web proxy. */
const concerningSites = [
  "https://www.google.co.uk/search?q=how+to+buy+weed",
  "http://abcproxy.com/browse.php?u=x",
];

/** What the API's senders post: the first ordinary sites and both concerns, in turn. */
const apiSites = [...ordinarySites.slice(0, 5), ...concerningSites];

/** One line in this many is a concern: a school's ordinary day, and a stress test of the alert path. */
const ordinaryDay = 100;
const stressDay = 4;

function simulatedSquidLog(lines: number, first: number, concerningEvery: number): string {
  const parts: string[] = [];
  const start = 1741165200;
  for (let i = first; i < first + lines; i++) {
    const time = (start + i * 0.05).toFixed(3);
    const concern = i % concerningEvery === concerningEvery - 1;
    const site = concern
      ? concerningSites[Math.floor(i / concerningEvery) % concerningSites.length]!
      : ordinarySites[i % ordinarySites.length]!;
    parts.push(
      `${time}    120 10.0.${(i >> 8) & 255}.${i & 255} TCP_MISS/200 5120 GET ${site} pupil${i % 600} DIRECT/93.184.216.34 text/html\n`,
    );
  }
  return parts.join("");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name: string) => {
    const index = process.argv.indexOf(name);
    return index === -1 ? undefined : Number(process.argv[index + 1]);
  };
  const figures = await runCaptureBench({
    ...(arg("--events") === undefined ? {} : { events: arg("--events") }),
    ...(arg("--lines") === undefined ? {} : { lines: arg("--lines") }),
    ...(arg("--memory-lines") === undefined ? {} : { memoryLines: arg("--memory-lines") }),
    log: (line) => {
      process.stderr.write(`${line}\n`);
    },
  });
  for (const figure of figures) {
    process.stdout.write(
      `${figure.name}: ${figure.value.toLocaleString("en-GB")} ${figure.unit}${figure.note ? `  (${figure.note})` : ""}\n`,
    );
  }
}
