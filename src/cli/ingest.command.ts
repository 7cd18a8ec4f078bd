/**
 * `vigil ingest <format> <path>`: reads a filter or proxy log into Vigil, resuming where the last
 * run stopped. Shows progress for long files, reports malformed lines by number, and with
 * `--follow` keeps reading as the log grows and rotates (stop with Ctrl-C).
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { ingestLogFile, type IngestProgress } from "../capture/file-ingest/ingest-log-file.js";
import { LOG_FORMATS } from "../capture/parsers/parser-registry.js";
import { EventDetection } from "../capture/pipeline/event-detection.js";
import { resolveSchool } from "./resolve-school.js";
import { openConfiguredDatabase } from "./open-configured-database.js";

interface IngestCommandOptions {
  follow?: boolean;
  school?: string;
  source?: string;
  timeZone?: string;
  logFormat?: string;
}

/** Progress appears only for runs longer than this, and then at most once a second. */
const quietForMs = 3_000;

/** Adds the `ingest` command. */
export function addIngestCommand(program: Command): void {
  program
    .command("ingest")
    .description("Read a filter or proxy log file into Vigil (resumes where it stopped)")
    .argument("<format>", `log format: ${LOG_FORMATS.join(", ")}`)
    .argument("<path>", "the log file")
    .option("--follow", "keep reading appended lines, across rotation, until stopped")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option("--source <name>", "name of this log in Vigil; the checkpoint is kept per school and source")
    .option("--time-zone <zone>", "IANA zone of logs that write local times, e.g. Europe/London")
    .option("--log-format <spec>", "for squid-logformat: the logformat spec or a built-in name")
    .action(async (format: string, path: string, options: IngestCommandOptions) => {
      const { database } = await openConfiguredDatabase();
      const controller = new AbortController();
      const stop = () => {
        controller.abort();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      // Loading the detection library takes a moment; the reading rate shown should not count it.
      const detection = new EventDetection(database.db);
      const started = Date.now();
      let shownAt = 0;
      try {
        const schoolId = await resolveSchool(database.db, options.school);
        const fullPath = resolve(path);
        const report = await ingestLogFile({
          database,
          schoolId,
          format,
          path: fullPath,
          source: options.source ?? `${format}:${fullPath}`,
          follow: options.follow === true,
          signal: controller.signal,
          detection,
          parserOptions: {
            ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
            ...(options.logFormat === undefined ? {} : { logFormat: options.logFormat }),
          },
          onProgress: (progress) => {
            const now = Date.now();
            if (now - started < quietForMs || now - shownAt < 1_000) return;
            shownAt = now;
            process.stderr.write(`${describeProgress(progress, now - started)}\n`);
          },
        });
        process.stdout.write(summary(report, Date.now() - started));
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        await database.close();
      }
    });
}

function describeProgress(progress: IngestProgress, elapsedMs: number): string {
  const rate = Math.round(progress.lines / Math.max(elapsedMs / 1000, 0.001));
  return `… ${progress.lines} lines (${rate} lines/s), ${progress.stored} stored, ${progress.malformed} malformed`;
}

function summary(report: IngestProgress, elapsedMs: number): string {
  const lines = [
    report.resumedFrom > 0 ? `Resumed at byte ${report.resumedFrom} (checkpoint).` : "",
    `Read ${report.lines} lines in ${(elapsedMs / 1000).toFixed(1)} s: ${report.stored} events stored, ` +
      `${report.duplicates} already stored, ${report.skipped} not events, ${report.malformed} malformed.`,
    report.rotations > 0 ? `Followed ${report.rotations} rotation(s).` : "",
    ...report.malformedSamples.map((sample) => `  line ${sample.line}: ${sample.reason}`),
    report.malformed > report.malformedSamples.length
      ? `  (and ${report.malformed - report.malformedSamples.length} more malformed lines)`
      : "",
  ];
  return `${lines.filter((line) => line !== "").join("\n")}\n`;
}
