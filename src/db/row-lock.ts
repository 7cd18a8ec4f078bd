/**
 * Row locks for read-then-write sequences. PostgreSQL takes `FOR UPDATE`; SQLite allows one
 * writer at a time, so its transactions are already serialised and the lock is left out.
 */
import type { SelectQueryBuilder } from "kysely";
import type { EngineCapabilities } from "./engine.js";

/** Adds `FOR UPDATE` where the engine has row locks. */
export function lockRowsForUpdate<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  capabilities: EngineCapabilities,
): SelectQueryBuilder<DB, TB, O> {
  return capabilities.rowLocking ? query.forUpdate() : query;
}
