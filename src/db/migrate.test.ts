import { expect, it } from "vitest";
import { AppError } from "../platform/errors/app-error.js";
import { migrateToLatest } from "./migrate.js";
import { allMigrations } from "./migrations/all-migrations.js";
import { forEachDialect } from "./test-support/for-each-dialect.js";

forEachDialect("migrations", (database) => {
  it("applies each migration once", async () => {
    const again = await migrateToLatest(database().db);
    expect(again).toEqual({ applied: [], alreadyApplied: allMigrations.length });
  });

  it("rolls a failing migration back whole, leaving the database usable", async () => {
    const { db } = database();
    const broken = {
      name: "9999-broken",
      async up(trx: Parameters<(typeof allMigrations)[number]["up"]>[0]) {
        await trx.schema.createTable("half_made").addColumn("id", "text").execute();
        throw new Error("deliberate failure after the first statement");
      },
    };
    await expect(migrateToLatest(db, [...allMigrations, broken])).rejects.toThrow(
      /9999-broken failed and was rolled back: deliberate failure/,
    );
    const tables = (await db.introspection.getTables()).map((table) => table.name);
    expect(tables).not.toContain("half_made");
    expect(tables).toContain("schools");
    expect(await migrateToLatest(db)).toEqual({ applied: [], alreadyApplied: allMigrations.length });
  });

  it("refuses a database written by a newer Vigil", async () => {
    const { db } = database();
    await db
      .insertInto("vigil_migrations")
      .values({ name: "9000-from-the-future", applied_at: "2030-01-01T00:00:00Z" })
      .execute();
    const error = await migrateToLatest(db).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/9000-from-the-future/);
    await db.deleteFrom("vigil_migrations").where("name", "=", "9000-from-the-future").execute();
  });
});
