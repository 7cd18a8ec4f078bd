/**
 * The reading half of `vigil ingest`, on its own thread: reads the file in batches and parses
 * each into event rows while the main thread detects and stores the batch before it. It only
 * reads; everything durable (rows, alerts, checkpoint) stays with the main thread's transaction.
 */
import { parentPort, workerData } from "node:worker_threads";
import { parserFor } from "../parsers/parser-registry.js";
import type { LogBatch, LogBatchRequest, LogBatchReply, LogBatchWorkerData } from "./log-batch-reader.js";
import { LogFileCursor } from "./log-file-cursor.js";
import { parseLogBatch } from "./parse-log-batch.js";

const setup = workerData as LogBatchWorkerData;
const lookup = parserFor(setup.format, setup.parserOptions);
let cursor = await LogFileCursor.open(setup.path, setup.offset);
let lineNumber = setup.lineNumber;

async function readBatch(max: number, final: boolean): Promise<LogBatch> {
  if (!lookup.ok) throw new Error(`Cannot read ${setup.format} logs: ${lookup.reason}.`);
  const lines = await cursor.readLines(max, final);
  const firstHash = lines.length === 0 ? "" : ((await cursor.firstLineHash(final)) ?? "");
  const batchSource = { schoolId: setup.schoolId, source: setup.source, firstHash };
  const parsed = parseLogBatch(lookup.parse, batchSource, lines, lineNumber);
  lineNumber += lines.length;
  const end = lines[lines.length - 1]?.end ?? cursor.position;
  return {
    ...parsed,
    lines: lines.length,
    start: lines[0]?.start ?? end,
    end,
    lineNumber,
    firstHash,
    path: cursor.path,
    inode: cursor.inode,
  };
}

async function answer(request: LogBatchRequest): Promise<LogBatchReply> {
  if (request.kind === "read") return { ok: true, batch: await readBatch(request.max, request.final) };
  // The file was rotated or truncated: its successor is read from its first line.
  await cursor.close();
  cursor = await LogFileCursor.open(setup.path, 0);
  lineNumber = 0;
  return { ok: true, batch: null };
}

// Requests come one at a time (the reader waits for each answer), so they never interleave.
parentPort?.on("message", (request: LogBatchRequest) => {
  answer(request).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
