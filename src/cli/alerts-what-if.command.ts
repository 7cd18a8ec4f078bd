/**
 * `vigil alerts what-if --library <folder>`: replays a school's last 30 days of captured text
 * through a proposed library version and prints which alerts would appear or disappear. Only the
 * shell takes a folder: the API never reads a path it is sent.
 */
import type { Command } from "commander";
import { replayWhatIf } from "../alerts/what-if-replay.js";
import { alertLimits } from "../contracts/alert.contract.js";
import { createDetector } from "../detection/index.js";
import { NotALibraryError, readLibraryFolder } from "../library/read-library-folder.js";
import { shippedDetector } from "../library/shipped-detector.js";
import { shippedUrlLookup } from "../library/shipped-url-lookup.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import { usageError } from "./cli-errors.js";
import { resolveSchool } from "./resolve-school.js";
import { asOperator, withDatabase } from "./with-database.js";

interface WhatIfOptions {
  school?: string;
  library: string;
  days: string;
  json?: boolean;
}

/** Progress is printed at most this often, in events. */
const progressEvery = 10_000;

/** Adds `alerts what-if` to the `alerts` command group. */
export function addAlertsWhatIfCommand(alerts: Command): void {
  alerts
    .command("what-if")
    .description("Replay recent captured text through a proposed library version: which alerts change")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .requiredOption(
      "--library <folder>",
      "the proposed library: a folder of phrase files (library/README.md)",
    )
    .option(
      "--days <n>",
      `how many days back (1-${alertLimits.whatIfMaxDays})`,
      String(alertLimits.whatIfMaxDays),
    )
    .option("--json", "print the result as JSON")
    .action(async (options: WhatIfOptions) => {
      const days = Number(options.days);
      if (!Number.isInteger(days) || days < 1 || days > alertLimits.whatIfMaxDays) {
        throw usageError(`--days must be a whole number from 1 to ${alertLimits.whatIfMaxDays}.`);
      }
      const loaded = loadProposed(options.library);
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        let shown = 0;
        const result = await replayWhatIf(
          database.db,
          schoolId,
          {
            change: {
              kind: "library",
              detector: createDetector(loaded.library),
              version: loaded.library.version,
            },
            days,
          },
          {
            detector: shippedDetector().detector,
            lookup: shippedUrlLookup(),
            onProgress: (replayed) => {
              if (replayed - shown < progressEvery) return;
              shown = replayed;
              process.stderr.write(`Replayed ${replayed} events…\n`);
            },
          },
        );
        // Replaying reads pupils' captured text, so it is audited like the console's replay.
        await asOperator(database, (ctx) =>
          appendAudit(ctx, {
            event: "alert.what-if-replayed",
            schoolId,
            subject: { type: "school", id: schoolId },
            data: {
              change: {
                kind: "library",
                version: loaded.library.version,
                rules: loaded.library.rules.length,
              },
              days,
              eventsReplayed: result.eventsReplayed,
            },
          }),
        );
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ library: loaded.library.version, ...result }, null, 2)}\n`,
          );
          return;
        }
        const lines = [
          `Library ${loaded.library.version} (${loaded.library.rules.length} rules), last ${days} days: ${result.eventsReplayed} events replayed${result.truncated ? " (stopped at the bound; older events not replayed)" : ""}.`,
          `Alerts: ${result.before} today, ${result.after} with the new library.`,
          `Would appear: ${result.appear.count}.`,
          ...result.appear.sample.map(describe),
          `Would disappear: ${result.disappear.count}.`,
          ...result.disappear.sample.map(describe),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });
}

/** Loads the folder, refusing it (exit code 2) with every problem's file and line. */
function loadProposed(folder: string): ReturnType<typeof readLibraryFolder> {
  let loaded: ReturnType<typeof readLibraryFolder>;
  try {
    loaded = readLibraryFolder(folder);
  } catch (error) {
    if (error instanceof NotALibraryError) throw usageError(error.message, "Name a folder of phrase files.");
    throw error;
  }
  if (loaded.issues.length > 0) {
    const problems = loaded.issues.map(
      (issue) => `${issue.file}:${issue.line}: ${issue.ruleId ?? issue.code}: ${issue.message}`,
    );
    throw usageError(
      `The library in ${folder} has ${loaded.issues.length} problem(s):\n${problems.join("\n")}`,
      "Fix each file:line above (`vigil library test <folder>` checks it), then replay again.",
    );
  }
  return loaded;
}

/** One sampled alert on a line: when, who, how severe, which rules. */
function describe(item: unknown): string {
  const alert = item as {
    time: string;
    user: string | null;
    device: string | null;
    severity: number;
    ruleIds: string[];
  };
  return `  ${alert.time}  ${alert.user ?? alert.device ?? "unknown"}  sev ${alert.severity}  ${alert.ruleIds.join(", ")}`;
}
