/**
 * Stores event rows inside the caller's transaction, once each: a row whose (school, source,
 * sender id) is already stored, or appears earlier in the same call, is a duplicate.
 *
 * On SQLite each row runs one statement prepared once per connection: SQLite runs in process, so
 * a statement per row costs less than building, compiling and parsing one huge multi-row insert
 * per batch. PostgreSQL, a round trip away, gets multi-row inserts.
 */
import type { Kysely } from "kysely";
import type SQLite from "better-sqlite3";
import type { VigilDatabase } from "../../db/open-database.js";
import type { Database, EventsTable } from "../../db/schema.js";
import type { EventRow } from "./event-row.js";

export type StoreOutcome = "accepted" | "duplicate";

/** Where rows are stored: the engine's capabilities and, on SQLite, its connection. */
export type EventStorage = Pick<VigilDatabase, "capabilities" | "sqliteConnection">;

/**
 * Every column of `events`, as an object so that a column added to the table must be added here
 * (and to `runInsert`, in the same order).
 */
const columnSet: Record<keyof EventsTable, true> = {
  id: true,
  school_id: true,
  source: true,
  sender_id: true,
  kind: true,
  time: true,
  user_name: true,
  device: true,
  ip: true,
  url: true,
  host: true,
  text: true,
  action: true,
  filter_category: true,
  detail: true,
  received_at: true,
  processed_at: true,
};
const columns = Object.keys(columnSet) as (keyof EventsTable)[];
const maxRowsPerStatement = 1_000;

/**
 * Inserts `rows` inside `trx` (on SQLite, `storage.sqliteConnection` must be the connection `trx`
 * runs on); the outcome of each, in order.
 */
export async function insertEvents(
  trx: Kysely<Database>,
  storage: EventStorage,
  rows: readonly EventRow[],
): Promise<StoreOutcome[]> {
  // On SQLite the statements below join whichever transaction holds the connection: it must be `trx`.
  if (!trx.isTransaction) throw new Error("Events are inserted inside a transaction.");
  if (storage.sqliteConnection) return insertEachRow(storage.sqliteConnection, rows);
  return insertInChunks(trx, storage, rows);
}

const preparedInserts = new WeakMap<SQLite.Database, SQLite.Statement>();

function insertEachRow(connection: SQLite.Database, rows: readonly EventRow[]): StoreOutcome[] {
  let insert = preparedInserts.get(connection);
  if (!insert) {
    insert = connection.prepare(
      `insert into events (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})` +
        " on conflict (school_id, source, sender_id) do nothing",
    );
    preparedInserts.set(connection, insert);
  }
  const outcomes: StoreOutcome[] = [];
  for (const row of rows) {
    // No change: the conflict clause kept the row stored first (before, or earlier in `rows`).
    outcomes.push(runInsert(insert, row).changes === 1 ? "accepted" : "duplicate");
  }
  return outcomes;
}

/**
 * Runs the insert for one row, its values in `columns` order. Written out: reading them by column
 * name in a loop cost about half a microsecond a row, at a hundred thousand rows a second.
 */
function runInsert(insert: SQLite.Statement, row: EventRow): SQLite.RunResult {
  return insert.run(
    row.id,
    row.school_id,
    row.source,
    row.sender_id,
    row.kind,
    row.time,
    row.user_name,
    row.device,
    row.ip,
    row.url,
    row.host,
    row.text,
    row.action,
    row.filter_category,
    row.detail,
    row.received_at,
    row.processed_at,
  );
}

async function insertInChunks(
  trx: Kysely<Database>,
  storage: EventStorage,
  rows: readonly EventRow[],
): Promise<StoreOutcome[]> {
  const outcomes: StoreOutcome[] = rows.map(() => "duplicate");
  const firstOfKey = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = `${row.school_id}\u0000${row.source}\u0000${row.sender_id}`;
    if (!firstOfKey.has(key)) firstOfKey.set(key, index);
  });
  const unique = [...firstOfKey.values()];
  const perStatement = Math.min(
    maxRowsPerStatement,
    Math.floor(storage.capabilities.maxBindParameters / columns.length),
  );
  const indexOfId = new Map(unique.map((index) => [rows[index]?.id, index]));
  for (let start = 0; start < unique.length; start += perStatement) {
    const chunk = unique.slice(start, start + perStatement).map((index) => rows[index] as EventRow);
    const inserted = await trx
      .insertInto("events")
      .values(chunk)
      .onConflict((conflict) => conflict.columns(["school_id", "source", "sender_id"]).doNothing())
      .returning("id")
      .execute();
    for (const { id } of inserted) {
      const index = indexOfId.get(id);
      if (index !== undefined) outcomes[index] = "accepted";
    }
  }
  return outcomes;
}
