// `npm run bench alerts`: the triage queue's first page (filters applied) and a keyset next page,
// with 1,000,000 events and 100,000 alerts stored, on SQLite and on PostgreSQL when a URL is set.
import type { BenchSuite } from "../run-bench.js";
import { runAlertsBench } from "./alerts.bench.js";

const targetMs = 100;

export const alertsSuite: BenchSuite = {
  name: "alerts",
  description: "triage queue with 1,000,000 events and 100,000 alerts stored (p95 target < 100 ms)",
  run: async ({ progress }) => {
    const figures = await runAlertsBench({ log: progress });
    const ms = (value: number) => value.toFixed(2);
    return [
      {
        title: "Triage queue, first page of 50 (wall clock per query, 200 runs)",
        columns: ["engine", "query", "p50 ms", "p95 ms", "p99 ms", "rows", "p95 < 100 ms"],
        rows: figures.map((f) => [
          f.engine,
          f.query,
          ms(f.p50),
          ms(f.p95),
          ms(f.p99),
          String(f.rows),
          f.p95 < targetMs ? "yes" : "NO",
        ]),
        notes: [
          "PostgreSQL runs when VIGIL_BENCH_POSTGRES_URL (or VIGIL_TEST_POSTGRES_URL) names a server; a throw-away database is created and dropped.",
        ],
      },
    ];
  },
};
