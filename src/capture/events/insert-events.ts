/**
 * Stores event rows inside the caller's transaction, once each: a row whose (school, source,
 * sender id) is already stored, or appears earlier in the same call, is a duplicate.
 */
import type { Kysely } from "kysely";
import type { EngineCapabilities } from "../../db/engine.js";
import type { Database } from "../../db/schema.js";
import type { EventRow } from "./event-row.js";

export type StoreOutcome = "accepted" | "duplicate";

const columnsPerRow = 17;
const maxRowsPerStatement = 1_000;

/** Inserts `rows`; the outcome of each, in order. */
export async function insertEvents(
  trx: Kysely<Database>,
  capabilities: EngineCapabilities,
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
    Math.floor(capabilities.maxBindParameters / columnsPerRow),
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
