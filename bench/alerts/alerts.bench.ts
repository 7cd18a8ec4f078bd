/**
 * Alerts benchmark: the triage queue's first page (with filters) and a keyset next page, with
 * 1,000,000 events and 100,000 alerts stored, on SQLite and, when a PostgreSQL URL is set
 * (VIGIL_BENCH_POSTGRES_URL or VIGIL_TEST_POSTGRES_URL), on PostgreSQL. Data is generated with
 * multi-row inserts; each query is timed over many runs (wall clock, including Kysely and the
 * driver) and reported as p50/p95/p99. Target: p95 under 100 ms.
 *
 * Run alone: `npx tsx bench/alerts/alerts.bench.ts [--events N] [--alerts N] [--runs N] [--engine E]`.
 */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { sql, type Kysely } from "kysely";
import { findAlertQueue } from "../../src/alerts/alert.repository.js";
import { AlertQueueQuerySchema } from "../../src/contracts/alert.contract.js";
import type { Engine } from "../../src/db/engine.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/open-database.js";
import type { Database } from "../../src/db/schema.js";
import { createTestDatabase } from "../../src/db/test-support/for-each-dialect.js";
import { scopeOf } from "../../src/schools/school-scope.js";
import { buildSchool } from "../../src/test-support/builders.js";

export interface AlertsBenchOptions {
  events?: number;
  alerts?: number;
  runs?: number;
  /** Only this engine (both by default, PostgreSQL when a URL is set). */
  engine?: Engine;
  log?: (line: string) => void;
}

export interface QueueFigure {
  engine: Engine;
  query: string;
  p50: number;
  p95: number;
  p99: number;
  rows: number;
}

const categories = ["self-harm", "bullying", "violence", "drugs", "adult", "proxy-hacking"];
const statuses = [
  ...Array<string>(20).fill("new"),
  ...Array<string>(10).fill("in-review"),
  ...Array<string>(45).fill("no-action"),
  ...Array<string>(20).fill("false-positive"),
  ...Array<string>(5).fill("incident"),
];
const dayMs = 86_400_000;

/** A small fast deterministic generator, so two runs store the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** Runs the benchmark on each engine available and returns the timings. */
export async function runAlertsBench(options: AlertsBenchOptions = {}): Promise<QueueFigure[]> {
  const postgres = process.env.VIGIL_BENCH_POSTGRES_URL ?? process.env.VIGIL_TEST_POSTGRES_URL;
  const available: Engine[] = postgres ? ["sqlite", "postgres"] : ["sqlite"];
  const engines = options.engine ? available.filter((engine) => engine === options.engine) : available;
  const figures: QueueFigure[] = [];
  for (const engine of engines) {
    if (engine === "postgres" && postgres) process.env.VIGIL_TEST_POSTGRES_URL = postgres;
    figures.push(...(await benchEngine(engine, options)));
  }
  return figures;
}

async function benchEngine(engine: Engine, options: AlertsBenchOptions): Promise<QueueFigure[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const created = await createTestDatabase(engine);
  const database = await openDatabase(created.url);
  try {
    await migrateToLatest(database.db);
    const schools = [];
    for (let index = 0; index < 5; index += 1) schools.push((await buildSchool(database)).schoolId);
    const main = schools[0] ?? "";
    const assignees = [randomUUID(), randomUUID(), randomUUID()];
    const now = Date.now();
    const tagged = (line: string) => {
      log(`${engine}: ${line}`);
    };
    await generateEvents(database.db, schools, options.events ?? 1_000_000, now, tagged);
    await generateAlerts(database.db, schools, assignees, options.alerts ?? 100_000, now, tagged);
    // Statistics for the planner, as a live database would have after its routine maintenance.
    await sql`analyze`.execute(database.db);
    const runs = options.runs ?? 200;
    const queries: [string, Record<string, unknown>][] = [
      ["open alerts, newest first", { status: "new,in-review" }],
      ["new, severity 4+, most severe first", { status: "new", minSeverity: 4, sort: "severity" }],
      ["open self-harm alerts, newest first", { status: "new,in-review", category: "self-harm" }],
      ["in review, assigned to one person", { status: "in-review", assignee: assignees[0] }],
      ["new, older than a day, severity 3+", { status: "new", olderThanMinutes: 1440, minSeverity: 3 }],
      ["everything, most severe first", { sort: "severity" }],
    ];
    const figures: QueueFigure[] = [];
    for (const [name, raw] of queries) {
      const query = AlertQueueQuerySchema.parse(raw);
      figures.push(
        await time(engine, name, runs, () => findAlertQueue(database.db, scopeOf([main]), main, query)),
      );
      const first = await findAlertQueue(database.db, scopeOf([main]), main, query);
      if (first.nextCursor && name === "open alerts, newest first") {
        const next = { ...query, cursor: first.nextCursor };
        figures.push(
          await time(engine, `${name}: next page (keyset)`, runs, () =>
            findAlertQueue(database.db, scopeOf([main]), main, next),
          ),
        );
      }
    }
    log(`${engine}: timed ${figures.length} queries × ${runs} runs`);
    return figures;
  } finally {
    await database.close();
    await created.drop();
  }
}

async function time(
  engine: Engine,
  query: string,
  runs: number,
  work: () => Promise<{ rows: unknown[] }>,
): Promise<QueueFigure> {
  let rows = 0;
  for (let index = 0; index < 5; index += 1) rows = (await work()).rows.length; // warm the caches
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (fraction: number) =>
    samples[Math.min(samples.length - 1, Math.floor(fraction * samples.length))] ?? 0;
  return { engine, query, p50: at(0.5), p95: at(0.95), p99: at(0.99), rows };
}

async function inBatches(
  total: number,
  batch: number,
  label: string,
  log: (line: string) => void,
  write: (from: number, count: number) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  let nextReport = total / 10;
  for (let from = 0; from < total; from += batch) {
    await write(from, Math.min(batch, total - from));
    if (from + batch >= nextReport || from + batch >= total) {
      const done = Math.min(total, from + batch);
      const seconds = (performance.now() - started) / 1000;
      log(
        `${label}: ${done.toLocaleString("en")} of ${total.toLocaleString("en")} (${seconds.toFixed(1)} s)`,
      );
      nextReport += total / 10;
    }
  }
}

/**
 * Writes `seed` generated rows of `table`, then copies them with suffixed ids until `total`:
 * INSERT ... SELECT runs inside the database, far faster than sending every row, and its SQL
 * (`||` and LIMIT) is the same on both engines.
 */
async function seedAndCopy(
  db: Kysely<Database>,
  table: "events" | "alerts",
  total: number,
  seed: number,
  writeSeed: (count: number) => Promise<void>,
  log: (line: string) => void,
): Promise<void> {
  const seeded = Math.min(seed, total);
  await inBatches(seeded, 1_000, `${table} (generated)`, log, (_from, count) => writeSeed(count));
  const columns = table === "events" ? eventColumns : alertColumns;
  const started = performance.now();
  // Doubling: each pass copies every row so far, so a million rows take five statements.
  for (let stored = seeded, pass = 1; stored < total; pass += 1) {
    const wanted = Math.min(stored, total - stored);
    // A prefix, not a suffix: each pass's new keys sit together in the indexes, so the copy
    // appends to them rather than scattering writes across a million entries.
    const select = columns.map((column) => (prefixed.has(column) ? `'${pass}.' || ${column}` : column));
    await sql
      .raw(
        `insert into ${table} (${columns.join(", ")}) select ${select.join(", ")} from ${table} limit ${wanted}`,
      )
      .execute(db);
    stored += wanted;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`${table} (copied): ${stored.toLocaleString("en")} of ${total.toLocaleString("en")} (${seconds} s)`);
  }
}

const prefixed = new Set(["id", "sender_id", "group_key"]);
const eventColumns = [
  "id",
  "school_id",
  "source",
  "sender_id",
  "kind",
  "time",
  "user_name",
  "device",
  "ip",
  "url",
  "host",
  "text",
  "action",
  "filter_category",
  "detail",
  "received_at",
  "processed_at",
];
const alertColumns = [
  "id",
  "school_id",
  "status",
  "severity",
  "categories",
  "explanation",
  "evidence",
  "url",
  "user_name",
  "device",
  "ip",
  "first_seen",
  "last_seen",
  "count",
  "group_key",
  "first_event_id",
  "last_event_id",
  "created_by",
  "created_at",
  "updated_at",
  "rule_ids",
  "assignee_id",
  "acknowledged_at",
];

async function generateEvents(
  db: Kysely<Database>,
  schools: readonly string[],
  total: number,
  now: number,
  log: (line: string) => void,
): Promise<void> {
  const next = random(7);
  const received = new Date(now).toISOString();
  let index = 0;
  await seedAndCopy(
    db,
    "events",
    total,
    50_000,
    async (count) => {
      const rows = Array.from({ length: count }, () => {
        index += 1;
        const web = next() < 0.7;
        const host = `site${Math.floor(next() * 5_000)}.example`;
        return {
          id: randomUUID(),
          school_id: next() < 0.8 ? (schools[0] ?? "") : pick(schools, next),
          source: "bench",
          sender_id: `e${index}`,
          kind: web ? "web-visit" : "typed-text",
          time: new Date(now - Math.floor(next() * 30 * dayMs)).toISOString(),
          user_name: `pupil.${Math.floor(next() * 2_000)}`,
          device: `PC-${Math.floor(next() * 500)}`,
          ip: `10.0.${Math.floor(next() * 255)}.${Math.floor(next() * 255)}`,
          url: web ? `https://${host}/page` : null,
          host: web ? host : null,
          text: web ? null : "the homework for tomorrow is on the shared drive",
          action: web ? "allowed" : null,
          filter_category: null,
          detail: null,
          received_at: received,
          processed_at: received,
        };
      });
      await db.insertInto("events").values(rows).execute();
    },
    log,
  );
}

async function generateAlerts(
  db: Kysely<Database>,
  schools: readonly string[],
  assignees: readonly string[],
  total: number,
  now: number,
  log: (line: string) => void,
): Promise<void> {
  const next = random(11);
  const explanation = JSON.stringify({
    libraryVersion: "bench",
    profile: "secondary",
    matches: [],
    scores: [],
    url: [],
    eventKind: "typed-text",
    action: null,
  });
  await seedAndCopy(
    db,
    "alerts",
    total,
    25_000,
    async (count) => {
      const rows = Array.from({ length: count }, () => {
        const category = pick(categories, next);
        const status = pick(statuses, next);
        const lastSeen = now - Math.floor(next() * 90 * dayMs);
        const iso = new Date(lastSeen).toISOString();
        const ruleId = `en.${category}.rule-${Math.floor(next() * 40)}`;
        return {
          id: randomUUID(),
          school_id: next() < 0.8 ? (schools[0] ?? "") : pick(schools, next),
          status,
          severity: 1 + Math.floor(next() * 5),
          categories: JSON.stringify([category]),
          explanation,
          evidence: "some words around the match",
          url: null,
          user_name: `pupil.${Math.floor(next() * 2_000)}`,
          device: `PC-${Math.floor(next() * 500)}`,
          ip: null,
          first_seen: new Date(lastSeen - Math.floor(next() * 3_600_000)).toISOString(),
          last_seen: iso,
          count: 1 + Math.floor(next() * 4),
          group_key: randomUUID(),
          first_event_id: randomUUID(),
          last_event_id: randomUUID(),
          created_by: "bench",
          created_at: iso,
          updated_at: iso,
          rule_ids: JSON.stringify([ruleId]),
          assignee_id: status === "new" ? null : next() < 0.5 ? pick(assignees, next) : null,
          acknowledged_at: status === "new" ? null : iso,
        };
      });
      await db.insertInto("alerts").values(rows).execute();
    },
    log,
  );
}

function argument(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : process.argv[index + 1];
  return value === undefined ? undefined : Number(value);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const engineIndex = process.argv.indexOf("--engine");
  const engine = engineIndex === -1 ? undefined : (process.argv[engineIndex + 1] as Engine);
  const figures = await runAlertsBench({
    events: argument("events"),
    alerts: argument("alerts"),
    runs: argument("runs"),
    engine,
  });
  for (const figure of figures) {
    console.log(
      `${figure.engine.padEnd(8)} ${figure.query.padEnd(48)} p50 ${figure.p50.toFixed(2)} ms  p95 ${figure.p95.toFixed(2)} ms  p99 ${figure.p99.toFixed(2)} ms  (${figure.rows} rows)`,
    );
  }
}
