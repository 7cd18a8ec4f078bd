/**
 * Runs a block of storage tests on every engine: SQLite always, PostgreSQL when
 * VIGIL_TEST_POSTGRES_URL is set. Each engine gets a fresh, migrated database for the block
 * (a temporary file, or a throw-away PostgreSQL database that is dropped afterwards), and the
 * test names carry the engine so the output shows what ran where.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import type { Engine } from "../engine.js";
import { migrateToLatest } from "../migrate.js";
import { openDatabase, type VigilDatabase } from "../open-database.js";

export const postgresTestUrlEnv = "VIGIL_TEST_POSTGRES_URL";

export interface TestDatabase {
  engine: Engine;
  url: string;
}

/** The engines this run tests on. */
export function testEngines(): Engine[] {
  return process.env[postgresTestUrlEnv] ? ["sqlite", "postgres"] : ["sqlite"];
}

/** Declares `body` once per engine, inside `describe("<name> [engine]")`. */
export function forEachDialect(
  name: string,
  body: (database: () => VigilDatabase, info: TestDatabase) => void,
): void {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let opened: VigilDatabase | undefined;
      let cleanup: (() => Promise<void>) | undefined;
      const info: TestDatabase = { engine, url: "" };
      beforeAll(async () => {
        const created = await createTestDatabase(engine);
        info.url = created.url;
        cleanup = created.drop;
        opened = await openDatabase(created.url);
        await migrateToLatest(opened.db);
      });
      afterAll(async () => {
        await opened?.close();
        await cleanup?.();
      });
      body(() => {
        if (!opened) throw new Error("The test database is opened in beforeAll; use it inside a test.");
        return opened;
      }, info);
    });
  }
}

/** Creates an empty database for one engine and a function that removes it. */
export async function createTestDatabase(
  engine: Engine,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === "sqlite") {
    const folder = mkdtempSync(join(tmpdir(), "vigil-test-"));
    return {
      url: join(folder, "vigil.db"),
      drop: () => {
        rmSync(folder, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const adminUrl = process.env[postgresTestUrlEnv];
  if (!adminUrl) throw new Error(`${postgresTestUrlEnv} is not set`);
  const name = `vigil_t_${randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`)),
  };
}

async function withClient(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
