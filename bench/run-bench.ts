/**
 * `npm run bench [suite...]`: runs each benchmark suite (all by default) and prints its tables, with
 * the machine and its load at the start, so two runs can be compared. Progress goes to stderr.
 * A suite is a module under bench/<name>/ exporting a `BenchSuite`; add it to `suites` below.
 */
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { alertsSuite } from "./alerts/suite.js";
import { detectionSuite } from "./detection/suite.js";

export type BenchTable = { title: string; columns: string[]; rows: string[][]; notes?: string[] };

export type BenchContext = { progress: (message: string) => void };

export type BenchSuite = {
  name: string;
  description: string;
  run: (context: BenchContext) => BenchTable[] | Promise<BenchTable[]>;
};

/** bench/capture reports flat figures; one table holds them. */
const captureSuite: BenchSuite = {
  name: "capture",
  description: "event API and log-file ingest",
  run: async ({ progress }) => {
    // Loaded on demand: it pulls in the server and database, which the detection suite never needs.
    const { captureBench } = await import("./capture/capture.bench.js");
    const figures = await captureBench.run({ log: progress });
    const value = (n: number) => (Number.isInteger(n) ? n.toLocaleString("en") : n.toFixed(2));
    const rows = figures.map((f) => [f.name, value(f.value), f.unit, f.note ?? ""]);
    return [{ title: "Capture", columns: ["figure", "value", "unit", "note"], rows }];
  },
};

const suites: BenchSuite[] = [detectionSuite, captureSuite, alertsSuite];

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return line.split(":")[1]!.trim();
  } catch {
    // not Linux: fall through to what Node reports
  }
  return cpus()[0]?.model ?? "unknown";
}

/** A table as Markdown, columns padded so it also reads well in a terminal. */
export function formatTable(table: BenchTable): string {
  const widths = table.columns.map((column, i) =>
    Math.max(column.length, ...table.rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  const rule = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`;
  const notes = (table.notes ?? []).filter((note) => note.length > 0);
  return [`### ${table.title}`, "", line(table.columns), rule, ...table.rows.map(line), "", ...notes].join(
    "\n",
  );
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !suites.some((suite) => suite.name === name));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(", ")}; known: ${suites.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
console.log(`# Vigil benchmarks, ${new Date().toISOString()}`);
console.log("");
console.log(`machine: ${cpuModel()}, ${availableParallelism()} cores, Node ${process.version}`);
console.log(
  `load average at start: ${one} ${five} ${fifteen} (other work on the machine skews every figure)`,
);
console.log(
  "single thread, timed in process CPU time; each figure is the median of n runs, min–max in brackets",
);
for (const suite of suites.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  const started = performance.now();
  const progress = (message: string) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
    process.stderr.write(`[${suite.name} ${seconds}s] ${message}\n`);
  };
  console.log(`\n## ${suite.name}: ${suite.description}\n`);
  try {
    const tables = await suite.run({ progress });
    for (const table of tables) console.log(`${formatTable(table)}\n`);
  } catch (error) {
    // One broken suite should not hide the others' figures.
    console.log(`(suite failed: ${error instanceof Error ? error.message : String(error)})\n`);
    process.exitCode = 1;
  }
}
