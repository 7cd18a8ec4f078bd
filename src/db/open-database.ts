/**
 * Opens Kysely over better-sqlite3 (a file, WAL mode) or over pg (a pool), and checks that the
 * database answers, so a bad URL fails at start-up with the URL and the reason.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { AppError } from "../platform/errors/app-error.js";
import { capabilitiesOf, engineOfUrl, type EngineCapabilities } from "./engine.js";
import type { Database } from "./schema.js";

export interface VigilDatabase {
  db: Kysely<Database>;
  capabilities: EngineCapabilities;
  /** The URL with any password hidden, for messages and logs. */
  displayUrl: string;
  /**
   * SQLite only: the one connection Kysely runs on, for a statement prepared once and run once per
   * row (bulk inserts), which a query builder cannot do. Use it only inside a Kysely transaction's
   * callback: that transaction holds the connection, so the statements are part of it.
   */
  sqliteConnection?: SQLite.Database;
  close(): Promise<void>;
}

/** Opens the database named by `url` (`postgres://...`, or a SQLite file path / `sqlite:` URL). */
export async function openDatabase(url: string): Promise<VigilDatabase> {
  const engine = engineOfUrl(url);
  const displayUrl = hidePassword(url);
  const sqliteConnection = engine === "postgres" ? undefined : openSqlite(url);
  const db =
    sqliteConnection === undefined
      ? openPostgres(url)
      : new Kysely<Database>({ dialect: new SqliteDialect({ database: sqliteConnection }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new AppError(
      "database_unreachable",
      `Could not reach the database at ${displayUrl}: ${describe(error)}`,
      {
        hint: "Check VIGIL_DATABASE_URL, that the server is running and that the database exists.",
      },
    );
  }
  return {
    db,
    capabilities: capabilitiesOf(engine),
    displayUrl,
    sqliteConnection,
    close: () => db.destroy(),
  };
}

function openPostgres(url: string): Kysely<Database> {
  // pg returns int8/numeric as strings by default; counts and sequences fit in a JS number.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection closed by the server (a restart, an administrator) must not crash Vigil:
  // the pool drops that client and opens a new one; queries in flight get their own error.
  pool.on("error", () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function openSqlite(url: string): SQLite.Database {
  const file = url.replace(/^sqlite:(\/\/)?/i, "");
  let database: SQLite.Database;
  try {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    database = new SQLite(file);
  } catch (error) {
    throw new AppError(
      "database_unreachable",
      `Could not open the SQLite database at ${file}: ${describe(error)}`,
    );
  }
  database.pragma("journal_mode = WAL");
  // FULL makes every commit durable on power loss, which acknowledged events require.
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  return database;
}

function hidePassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  return error instanceof Error ? error.message : String(error);
}
