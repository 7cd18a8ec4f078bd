/**
 * One batch of log lines turned into the event rows `vigil ingest` stores, with what could not
 * be read. Pure (no I/O), so it runs in the ingest's reading worker as well as anywhere else.
 */
import type { LineParser } from "../log-line.js";
import { rowOfLogEvent, type EventRow } from "../events/event-row.js";
import type { LogLine } from "./log-file-cursor.js";

/** Malformed lines kept for the report; the rest are only counted. */
export const malformedSamplesKept = 10;

/** Where the rows of a batch come from, and so what makes each one's sender id. */
export interface LogBatchSource {
  schoolId: string;
  source: string;
  /** SHA-256 of the file's first line: the file's identity in each row's sender id. */
  firstHash: string;
}

export interface ParsedLines {
  rows: EventRow[];
  skipped: number;
  malformed: number;
  /** The first few malformed lines, by line number. */
  malformedSamples: { line: number; reason: string }[];
}

/** Parses `lines`, of which the first is line `lineNumber + 1` of the file. */
export function parseLogBatch(
  parse: LineParser,
  { schoolId, source, firstHash }: LogBatchSource,
  lines: readonly LogLine[],
  lineNumber: number,
): ParsedLines {
  const receivedAt = new Date().toISOString();
  const fileId = firstHash.slice(0, 16);
  const parsed: ParsedLines = { rows: [], skipped: 0, malformed: 0, malformedSamples: [] };
  let number = lineNumber;
  for (const line of lines) {
    number++;
    const result = parse(line.text);
    if (result.ok) {
      // The file's identity and the line's offset: re-reading the same line is a duplicate.
      parsed.rows.push(rowOfLogEvent(schoolId, source, `${fileId}:${line.start}`, result.event, receivedAt));
    } else if (result.skip) {
      parsed.skipped++;
    } else {
      parsed.malformed++;
      if (parsed.malformedSamples.length < malformedSamplesKept) {
        parsed.malformedSamples.push({ line: number, reason: result.reason });
      }
    }
  }
  return parsed;
}
