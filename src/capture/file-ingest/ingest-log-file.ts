/**
 * `vigil ingest`: reads a filter or proxy log through its parser into the same storage as the
 * event API (directly, not over HTTP). Each batch of lines goes through detection before it is
 * stored, and is stored already processed, with its alerts and the checkpoint, in one transaction:
 * a restart resumes at the first line not stored (no gap, no duplicate, no alert twice), and the
 * pipeline never has to read the batch back. With `follow`, appended lines keep coming, and a
 * rotated (new inode, or new first line) or truncated file is read again from its start.
 */
import { stat } from "node:fs/promises";
import type { VigilDatabase } from "../../db/open-database.js";
import { AppError } from "../../platform/errors/app-error.js";
import type { LineParser } from "../log-line.js";
import { parserFor } from "../parsers/parser-registry.js";
import type { ParserOptions } from "../parsers/parser-options.js";
import type { EventRow } from "../events/event-row.js";
import { rowOfLogEvent } from "../events/event-row.js";
import { insertEvents } from "../events/insert-events.js";
import { EventDetection } from "../pipeline/event-detection.js";
import { findCheckpoint, saveCheckpoint } from "./ingest-checkpoint.repository.js";
import { LogFileCursor, type LogLine } from "./log-file-cursor.js";

/** Malformed lines kept for the report; the rest are only counted. */
export const malformedSamplesKept = 10;

export interface IngestOptions {
  database: VigilDatabase;
  schoolId: string;
  source: string;
  format: string;
  path: string;
  follow?: boolean;
  parserOptions?: ParserOptions;
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
  const parse = await makeParser(options);
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
  let cursor = await openAtCheckpoint(options);
  progress.resumedFrom = cursor.cursor.position;
  let lineNumber = cursor.lineNumber;
  try {
    for (;;) {
      const final = !options.follow;
      const lines = await cursor.cursor.readLines(batchLines, final);
      if (lines.length > 0) {
        const firstHash = (await cursor.cursor.firstLineHash(final)) ?? "";
        const batch = { cursor: cursor.cursor, firstHash, lines, lineNumber };
        lineNumber = await storeBatch(options, parse, detection, batch, progress);
        options.onProgress?.(progress);
        continue;
      }
      if (!options.follow || options.signal?.aborted) break;
      await sleep(options.pollMs ?? 250, options.signal);
      if (options.signal?.aborted) break;
      const replaced = await hasBeenReplaced(cursor.cursor, options.path);
      if (replaced) {
        // Lines written to the old file before it was rotated were read above; start the new one.
        await cursor.cursor.close();
        cursor = { cursor: await LogFileCursor.open(options.path, 0), lineNumber: 0 };
        lineNumber = 0;
        progress.rotations++;
      }
    }
  } finally {
    await cursor.cursor.close();
  }
  return progress;
}

async function makeParser(options: IngestOptions): Promise<LineParser> {
  // An old file's year-less stamps belong to the year before it was last written, not today.
  const referenceTime = options.follow ? undefined : (await stat(options.path)).mtime;
  const lookup = parserFor(options.format, {
    ...(referenceTime === undefined ? {} : { referenceTime }),
    ...options.parserOptions,
  });
  if (!lookup.ok)
    throw new AppError("validation_failed", `Cannot read ${options.format} logs: ${lookup.reason}.`);
  return lookup.parse;
}

async function openAtCheckpoint(
  options: IngestOptions,
): Promise<{ cursor: LogFileCursor; lineNumber: number }> {
  const checkpoint = await findCheckpoint(options.database.db, options.schoolId, options.source);
  const cursor = await LogFileCursor.open(options.path, 0);
  if (!checkpoint) return { cursor, lineNumber: 0 };
  const sameFile =
    checkpoint.inode === cursor.inode &&
    checkpoint.first_line_hash === (await cursor.firstLineHash(true)) &&
    (await cursor.size()) >= checkpoint.byte_offset;
  if (!sameFile) return { cursor, lineNumber: 0 };
  await cursor.close();
  return {
    cursor: await LogFileCursor.open(options.path, checkpoint.byte_offset),
    lineNumber: checkpoint.line_number,
  };
}

/** Lines read from the file, with where they are in it. */
interface ReadBatch {
  cursor: LogFileCursor;
  firstHash: string;
  lines: readonly LogLine[];
  /** The line number before the first of `lines`. */
  lineNumber: number;
}

/**
 * Parses, detects and stores one batch with the checkpoint after its last line; returns the new
 * line number.
 */
async function storeBatch(
  options: IngestOptions,
  parse: LineParser,
  detection: EventDetection,
  { cursor, firstHash, lines, lineNumber }: ReadBatch,
  progress: IngestProgress,
): Promise<number> {
  const receivedAt = new Date().toISOString();
  const rows: EventRow[] = [];
  let number = lineNumber;
  for (const line of lines) {
    number++;
    const result = parse(line.text);
    if (result.ok) {
      // The file's identity and the line's offset: re-reading the same line is a duplicate.
      const senderId = `${firstHash.slice(0, 16)}:${line.start}`;
      rows.push(rowOfLogEvent(options.schoolId, options.source, senderId, result.event, receivedAt));
    } else if (result.skip) {
      progress.skipped++;
    } else {
      progress.malformed++;
      if (progress.malformedSamples.length < malformedSamplesKept) {
        progress.malformedSamples.push({ line: number, reason: result.reason });
      }
    }
  }
  const detected = await detection.detect(rows);
  const last = lines[lines.length - 1];
  const end = last?.end ?? cursor.position;
  const { database } = options;
  const { outcomes, recorded } = await database.db.transaction().execute(async (trx) => {
    const processedAt = new Date().toISOString();
    const processed = detected.events.map((event) => ({ ...event, processed_at: processedAt }));
    const stored = await insertEvents(trx, database, processed);
    // A line stored by an earlier run raised its alerts then.
    const accepted = new Set(
      processed.filter((_, index) => stored[index] === "accepted").map((row) => row.id),
    );
    const alerts = await detection.record(trx, database.capabilities, detected, accepted);
    await saveCheckpoint(trx, {
      school_id: options.schoolId,
      source: options.source,
      path: cursor.path,
      inode: cursor.inode,
      byte_offset: end,
      line_number: number,
      first_line_hash: firstHash,
    });
    return { outcomes: stored, recorded: alerts };
  });
  progress.lines += lines.length;
  progress.bytes += end - (lines[0]?.start ?? end);
  progress.alertsCreated += recorded.alertsCreated;
  progress.alertsGrouped += recorded.alertsGrouped;
  for (const outcome of outcomes) {
    if (outcome === "accepted") progress.stored++;
    else progress.duplicates++;
  }
  return number;
}

async function hasBeenReplaced(cursor: LogFileCursor, path: string): Promise<boolean> {
  let current;
  try {
    current = await stat(path, { bigint: true });
  } catch {
    return false; // between a rename and the new file's creation: keep waiting
  }
  return String(current.ino) !== cursor.inode || Number(current.size) < cursor.position;
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
