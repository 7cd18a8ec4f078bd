import type { Kysely } from "kysely";

/**
 * One schema change. Migrations only add (tables, columns, indexes): a rename is done as add,
 * copy, switch over, so an older Vigil can still read a newer database during an upgrade.
 */
export interface Migration {
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}
