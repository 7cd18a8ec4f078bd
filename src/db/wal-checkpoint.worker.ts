/**
 * Checkpoints a SQLite database's write-ahead log on its own thread and connection, so the
 * thread that writes (and commits, durably, into the log) does not also copy the log back into
 * the database file. Each request is one passive checkpoint, which never blocks the writer.
 */
import { parentPort, workerData } from "node:worker_threads";
import SQLite from "better-sqlite3";

const connection = new SQLite(workerData as string);
connection.pragma("busy_timeout = 5000");
// The database file is synced before the log may be reused, as the writer's setting requires.
connection.pragma("synchronous = FULL");

parentPort?.on("message", (request: "checkpoint" | "stop") => {
  if (request === "stop") {
    connection.close();
    parentPort?.close();
    return;
  }
  try {
    connection.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // Busy: the next request, or the writer's own fallback, checkpoints instead.
  }
});
