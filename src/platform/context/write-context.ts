/**
 * What every write carries: who is acting, from where, and the transaction the change and its
 * audit record share, so neither is ever committed without the other.
 */
import type { Kysely } from "kysely";
import type { EngineCapabilities } from "../../db/engine.js";
import type { VigilDatabase } from "../../db/open-database.js";
import type { Database } from "../../db/schema.js";
import type { Actor } from "./actor.js";

export interface WriteContext {
  actor: Actor;
  ip: string | null;
  trx: Kysely<Database>;
  capabilities: EngineCapabilities;
}

/** Runs `work` in one transaction with a write context. */
export async function inTransaction<T>(
  database: VigilDatabase,
  who: { actor: Actor; ip: string | null },
  work: (ctx: WriteContext) => Promise<T>,
): Promise<T> {
  return database.db
    .transaction()
    .execute((trx) => work({ actor: who.actor, ip: who.ip, trx, capabilities: database.capabilities }));
}
