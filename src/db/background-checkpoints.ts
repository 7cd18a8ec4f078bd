/**
 * Write-ahead log checkpoints off the writing thread, for a long bulk write on SQLite (`vigil
 * ingest`). A commit is durable once it is in the log; copying the log back into the database
 * file is a second, separate write, which SQLite does on the committing thread by default. Here a
 * worker with its own connection does it after each commit, on the other core; the writer keeps
 * its own automatic checkpoint only as a bound on the log's size, should the worker fall behind.
 */
import type { Worker } from "node:worker_threads";
import type SQLite from "better-sqlite3";
import { startModuleWorker } from "../platform/workers/start-module-worker.js";
import type { VigilDatabase } from "./open-database.js";

/** The writer checkpoints itself once the log is this many pages long (about 200 MB). */
const fallbackCheckpointPages = 50_000;

/** Per connection: how many bulk writes run, and the setting to give back when the last ends. */
const inUse = new WeakMap<SQLite.Database, { writers: number; setting: number }>();

export class BackgroundCheckpoints {
  readonly #worker: Worker;
  readonly #restore: () => void;
  readonly #exited: Promise<void>;

  private constructor(worker: Worker, restore: () => void) {
    this.#worker = worker;
    this.#restore = restore;
    this.#exited = new Promise((resolve) =>
      worker.once("exit", () => {
        resolve();
      }),
    );
  }

  /** Starts checkpointing `database` in the background; null where there is nothing to do. */
  static start(database: VigilDatabase): BackgroundCheckpoints | null {
    const connection = database.sqliteConnection;
    if (!connection || connection.memory) return null;
    const worker = startModuleWorker(import.meta.url, "wal-checkpoint.worker", connection.name);
    // A worker that fails leaves the writer's own (fallback) checkpoints doing the work.
    worker.on("error", () => undefined);
    const use = inUse.get(connection) ?? {
      writers: 0,
      setting: Number(connection.pragma("wal_autocheckpoint", { simple: true })),
    };
    use.writers++;
    inUse.set(connection, use);
    connection.pragma(`wal_autocheckpoint = ${fallbackCheckpointPages}`);
    const restore = () => {
      if (--use.writers > 0) return;
      inUse.delete(connection);
      if (connection.open) connection.pragma(`wal_autocheckpoint = ${use.setting}`);
    };
    return new BackgroundCheckpoints(worker, restore);
  }

  /** Asks for a checkpoint of what has been committed so far. */
  afterCommit(): void {
    this.#worker.postMessage("checkpoint");
  }

  /** Stops the worker and gives the writer back its own checkpoints. */
  async stop(): Promise<void> {
    this.#restore();
    this.#worker.postMessage("stop");
    await this.#exited;
  }
}
