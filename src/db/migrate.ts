/**
 * Applies pending migrations, each in its own transaction (both engines roll back DDL), so a
 * migration that fails half-way leaves the database as it was before that migration.
 */
import type { Kysely } from "kysely";
import { AppError } from "../platform/errors/app-error.js";
import { allMigrations } from "./migrations/all-migrations.js";
import type { Migration } from "./migrations/migration.js";
import type { Database } from "./schema.js";

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/** Brings the schema up to date; returns what was applied. */
export async function migrateToLatest(
  db: Kysely<Database>,
  migrations: readonly Migration[] = allMigrations,
): Promise<MigrationReport> {
  await db.schema
    .createTable("vigil_migrations")
    .ifNotExists()
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("applied_at", "text", (c) => c.notNull())
    .execute();
  const done = new Set(
    (await db.selectFrom("vigil_migrations").select("name").execute()).map((row) => row.name),
  );
  const unknown = [...done].filter((name) => !migrations.some((migration) => migration.name === name));
  if (unknown.length > 0) {
    throw new AppError(
      "migration_failed",
      `The database has migrations this Vigil does not know (${unknown.join(", ")}): it was written by a newer version.`,
      { hint: "Run the newer Vigil, or restore a backup taken before the upgrade." },
    );
  }
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    try {
      await db.transaction().execute(async (trx) => {
        await migration.up(trx as unknown as Kysely<unknown>);
        await trx
          .insertInto("vigil_migrations")
          .values({ name: migration.name, applied_at: new Date().toISOString() })
          .execute();
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(
        "migration_failed",
        `Migration ${migration.name} failed and was rolled back: ${reason}`,
      );
    }
    applied.push(migration.name);
  }
  return { applied, alreadyApplied: done.size };
}
