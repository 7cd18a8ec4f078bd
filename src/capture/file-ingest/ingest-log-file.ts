/**
 * `vigil ingest`: reads a filter or proxy log through its parser into the same storage as the
 * event API (directly, not over HTTP). Each batch of lines goes through detection before it is
 * stored, and is stored already processed, with its alerts and the checkpoint, in one transaction:
 * a restart resumes at the first line not stored (no gap, no duplicate, no alert twice), and the
 * pipeline never has to read the batch back. With `follow`, appended lines keep coming, and a
 * rotated (new inode, or new first line) or truncated file is read again from its start.
 * A worker thread reads and parses the next batch while this one is detected and stored.
 */
import { stat } from "node:fs/promises";
import { BackgroundCheckpoints } from "../../db/background-checkpoints.js";
import type { VigilDatabase } from "../../db/open-database.js";
import { AppError } from "../../platform/errors/app-error.js";
import { parserFor } from "../parsers/parser-registry.js";
import { insertEvents } from "../events/insert-events.js";
import { EventDetection } from "../pipeline/event-detection.js";
import { findCheckpoint, saveCheckpoint } from "./ingest-checkpoint.repository.js";
import { LogBatchReader, type LogBatch, type WorkerParserOptions } from "./log-batch-reader.js";
import { LogFileCursor } from "./log-file-cursor.js";
import { malformedSamplesKept } from "./parse-log-batch.js";

export interface IngestOptions {
  database: VigilDatabase;
  schoolId: string;
  source: string;
  format: string;
  path: string;
  follow?: boolean;
  /** Read on the reading worker's thread, so a reference time is a date, not a function. */
  parserOptions?: WorkerParserOptions;
  batchLines?: number;
  pollMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
  /** The detection events go through (default: the shipped library's). */
  detection?: EventDetection;
}

export interface IngestProgress {
  lines: number;
  bytes: number;
  stored: number;
  duplicates: number;
  alertsCreated: number;
  /** Events that joined an alert already open instead of starting one. */
  alertsGrouped: number;
  skipped: number;
  malformed: number;
  malformedSamples: { line: number; reason: string }[];
  /** Byte offset where this run started (0, or where the checkpoint said). */
  resumedFrom: number;
  rotations: number;
}

/** Reads the file (and, with `follow`, keeps reading) and returns what it did. */
export async function ingestLogFile(options: IngestOptions): Promise<IngestProgress> {
  // Big batches share one commit, and an alert's repeats within a batch cost it one write; a
  // batch is still only a few tens of megabytes in memory, whatever the file's size.
  const batchLines = options.batchLines ?? 20_000;
  const parserOptions = await checkedParserOptions(options);
  const detection = options.detection ?? new EventDetection(options.database.db);
  const progress: IngestProgress = {
    lines: 0,
    bytes: 0,
    stored: 0,
    duplicates: 0,
    alertsCreated: 0,
    alertsGrouped: 0,
    skipped: 0,
    malformed: 0,
    malformedSamples: [],
    resumedFrom: 0,
    rotations: 0,
  };
  const start = await checkpointInForce(options);
  progress.resumedFrom = start.offset;
  const reader = new LogBatchReader({
    ...start,
    path: options.path,
    format: options.format,
    parserOptions,
    schoolId: options.schoolId,
    source: options.source,
  });
  const final = !options.follow;
  let checkpoints: BackgroundCheckpoints | null = null;
  try {
    checkpoints = BackgroundCheckpoints.start(options.database);
    let next = reader.read(batchLines, final);
    for (;;) {
      const batch = await next;
      if (batch.lines > 0) {
        // The worker reads and parses the next batch while this one is detected and stored.
        next = reader.read(batchLines, final);
        await storeBatch(options, detection, batch, progress);
        checkpoints?.afterCommit();
        options.onProgress?.(progress);
        continue;
      }
      if (!options.follow || options.signal?.aborted) break;
      await sleep(options.pollMs ?? 250, options.signal);
      if (options.signal?.aborted) break;
      if (await hasBeenReplaced(batch, options.path)) {
        // Lines written to the old file before it was rotated were read above; start the new one.
        await reader.reopen();
        progress.rotations++;
      }
      next = reader.read(batchLines, final);
    }
  } finally {
    await Promise.all([reader.close(), checkpoints?.stop()]);
  }
  return progress;
}

/** The parser options with their defaults, refused here (not on the worker) if they are wrong. */
async function checkedParserOptions(options: IngestOptions): Promise<WorkerParserOptions> {
  // An old file's year-less stamps belong to the year before it was last written, not today.
  const referenceTime = options.follow ? undefined : (await stat(options.path)).mtime;
  const parserOptions = {
    ...(referenceTime === undefined ? {} : { referenceTime }),
    ...options.parserOptions,
  };
  const lookup = parserFor(options.format, parserOptions);
  if (!lookup.ok)
    throw new AppError("validation_failed", `Cannot read ${options.format} logs: ${lookup.reason}.`);
  return parserOptions;
}

/** Where to start reading: after the checkpoint if it names this file, else its first line. */
async function checkpointInForce(options: IngestOptions): Promise<{ offset: number; lineNumber: number }> {
  const checkpoint = await findCheckpoint(options.database.db, options.schoolId, options.source);
  const cursor = await LogFileCursor.open(options.path, 0);
  try {
    const sameFile =
      checkpoint !== undefined &&
      checkpoint.inode === cursor.inode &&
      checkpoint.first_line_hash === (await cursor.firstLineHash(true)) &&
      (await cursor.size()) >= checkpoint.byte_offset;
    return sameFile
      ? { offset: checkpoint.byte_offset, lineNumber: checkpoint.line_number }
      : { offset: 0, lineNumber: 0 };
  } finally {
    await cursor.close();
  }
}

/** Detects and stores one parsed batch with the checkpoint after its last line. */
async function storeBatch(
  options: IngestOptions,
  detection: EventDetection,
  batch: LogBatch,
  progress: IngestProgress,
): Promise<void> {
  const detected = await detection.detect(batch.rows);
  const { database } = options;
  const { outcomes, recorded } = await database.db.transaction().execute(async (trx) => {
    const processedAt = new Date().toISOString();
    // The rows were built for this batch alone, so they are marked in place rather than copied.
    for (const event of detected.events) event.processed_at = processedAt;
    const stored = await insertEvents(trx, database, detected.events);
    // A line stored by an earlier run raised its alerts then.
    const accepted = new Set<string>();
    detected.events.forEach((row, index) => {
      if (stored[index] === "accepted") accepted.add(row.id);
    });
    const alerts = await detection.record(trx, database.capabilities, detected, accepted);
    await saveCheckpoint(trx, {
      school_id: options.schoolId,
      source: options.source,
      path: batch.path,
      inode: batch.inode,
      byte_offset: batch.end,
      line_number: batch.lineNumber,
      first_line_hash: batch.firstHash,
    });
    return { outcomes: stored, recorded: alerts };
  });
  progress.lines += batch.lines;
  progress.bytes += batch.end - batch.start;
  progress.skipped += batch.skipped;
  progress.malformed += batch.malformed;
  const room = malformedSamplesKept - progress.malformedSamples.length;
  progress.malformedSamples.push(...batch.malformedSamples.slice(0, Math.max(0, room)));
  progress.alertsCreated += recorded.alertsCreated;
  progress.alertsGrouped += recorded.alertsGrouped;
  for (const outcome of outcomes) {
    if (outcome === "accepted") progress.stored++;
    else progress.duplicates++;
  }
}

async function hasBeenReplaced(read: LogBatch, path: string): Promise<boolean> {
  let current;
  try {
    current = await stat(path, { bigint: true });
  } catch {
    return false; // between a rename and the new file's creation: keep waiting
  }
  return String(current.ino) !== read.inode || Number(current.size) < read.end;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
