/**
 * `vigil attribution import|apply`: who held which IP address when (DHCP leases, logon records,
 * exported as CSV), so events that carry only an address name a device and a user. New events
 * are attributed as detection reads them; `apply` attributes events stored before the import.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { attributeUnattributedEvents } from "../capture/attribution/attribute-unattributed-events.js";
import { ipAssignmentCsvColumns, readIpAssignmentCsv } from "../capture/attribution/ip-assignment-csv.js";
import { recordIpAssignments } from "../capture/attribution/record-ip-assignments.js";
import { usageError } from "./cli-errors.js";
import { resolveSchool } from "./resolve-school.js";
import { asOperator, withDatabase } from "./with-database.js";

/** Adds the `attribution` command group. */
export function addAttributionCommand(program: Command): void {
  const attribution = program
    .command("attribution")
    .description("Which device and user held an IP address when, for events that carry only an address");
  attribution
    .command("import")
    .description(`Import IP assignments from a CSV with a header row (${ipAssignmentCsvColumns.join(", ")})`)
    .argument("<csv>", "the CSV file")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .action(async (path: string, options: { school?: string }) => {
      const text = await readCsv(path);
      const assignments = readIpAssignmentCsv(text);
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const stored = await asOperator(database, (ctx) => recordIpAssignments(ctx, schoolId, assignments));
        process.stdout.write(
          `Imported ${stored} IP assignment(s). New events are attributed as they arrive; ` +
            "run `vigil attribution apply` for events already stored.\n",
        );
      });
    });
  attribution
    .command("apply")
    .description("Attribute stored events that have an IP address but no user or device")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option("--since <time>", "only events at or after this ISO 8601 date-time")
    .action(async (options: { school?: string; since?: string }) => {
      const since = options.since === undefined ? undefined : isoTime(options.since);
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const run = await attributeUnattributedEvents(database.db, schoolId, since);
        process.stdout.write(
          `Attributed ${run.attributed} of ${run.examined} stored event(s) that had an IP address but no user or device.\n`,
        );
      });
    });
}

async function readCsv(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(`Cannot read ${path}: ${reason}`);
  }
}

function isoTime(value: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime()))
    throw usageError(`--since must be an ISO 8601 date-time, not "${value}".`);
  return time.toISOString();
}
