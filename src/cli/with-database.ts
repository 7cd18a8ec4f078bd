/** Helpers for commands that change data: open the database for one command, write as the operator. */
import type { VigilDatabase } from "../db/open-database.js";
import { cliActor } from "../platform/context/actor.js";
import { inTransaction, type WriteContext } from "../platform/context/write-context.js";
import { openConfiguredDatabase } from "./open-configured-database.js";

/** Opens the configured database (migrated), runs `work`, and always closes it. */
export async function withDatabase(work: (database: VigilDatabase) => Promise<void>): Promise<void> {
  const { database } = await openConfiguredDatabase();
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

/** Runs `work` in one transaction whose audit records name the operator at the shell. */
export function asOperator<T>(database: VigilDatabase, work: (ctx: WriteContext) => Promise<T>): Promise<T> {
  return inTransaction(database, { actor: cliActor(), ip: null }, work);
}
