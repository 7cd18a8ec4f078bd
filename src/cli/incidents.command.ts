/**
 * `vigil incidents list|show|report|close|export|holds|release-hold`: the incident log from the
 * server's shell. The operator sees every incident (they hold the database); closing still needs a
 * head or SIRO of the school, named with --as, because the policy says who closes an incident.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { ConcernReportSchema, IncidentCloseSchema } from "../contracts/incident.contract.js";
import { openEvidenceStore } from "../evidence/evidence-store.js";
import { findMonitoringHolds, heldSubject, releaseMonitoringHold } from "../evidence/monitoring-holds.js";
import { closeIncident } from "../incidents/close-incident.js";
import { exportCaseBundle } from "../incidents/export-case-bundle.js";
import { findIncidents, getIncident, incidentParts } from "../incidents/incident.repository.js";
import type { IncidentViewer } from "../incidents/incident-visibility.js";
import { reportConcern } from "../incidents/report-concern.js";
import { loadConfig } from "../platform/config/load-config.js";
import { inTransaction } from "../platform/context/write-context.js";
import { AppError, validationError } from "../platform/errors/app-error.js";
import { scopeOf } from "../schools/school-scope.js";
import { resolveSchool } from "./resolve-school.js";
import { asOperator, withDatabase } from "./with-database.js";

const operator: IncidentViewer = { kind: "operator" };

/** Adds the `incidents` command group. */
export function addIncidentsCommand(program: Command): void {
  const incidents = program
    .command("incidents")
    .description("The incident log: list, show, report, close, export, monitoring holds");
  incidents
    .command("list")
    .description("List incidents, newest first")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option("--status <status>", "open, in-progress or closed")
    .option("--type <type>", "an incident type id")
    .option("--json", "one JSON object per line")
    .action(async (options: { school?: string; status?: string; type?: string; json?: boolean }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const rows = await findIncidents(database.db, scopeOf([schoolId]), operator, options);
        if (rows.length === 0 && !options.json) process.stdout.write("No incidents match.\n");
        for (const row of rows) {
          process.stdout.write(
            options.json
              ? `${JSON.stringify(row)}\n`
              : `${row.id}  ${row.incident_date.slice(0, 10)}  ${row.status.padEnd(11)}  ${row.type}  ${row.summary}\n`,
          );
        }
      });
    });
  incidents
    .command("show")
    .description("Show an incident with its people, actions, evidence and chronology")
    .argument("<id>", "the incident id")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .action(async (id: string, options: { school?: string }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const incident = await getIncident(database.db, scopeOf([schoolId]), operator, id);
        const parts = await incidentParts(database.db, incident.id);
        const lines = [
          `Incident ${incident.id} (${incident.status})`,
          `Type: ${incident.type}`,
          `Date: ${incident.incident_date}`,
          `Summary: ${incident.summary}`,
          `Description: ${incident.description}`,
          `Information compromised: ${incident.information_classification}`,
          `Device: ${incident.device ?? "-"}`,
          `Closed: ${incident.closed_at ? `${incident.closed_at} by ${incident.closed_by ?? "?"}` : "no"}`,
          "People:",
          ...parts.people.map((p) =>
            `  ${p.kind} (${p.involvement}): ${p.name ?? ""} ${p.user_name ?? ""}`.trimEnd(),
          ),
          "Actions:",
          ...parts.actions.map((a) => `  ${a.kind}: ${a.description}${a.completed_at ? " (done)" : ""}`),
          "Evidence:",
          ...parts.evidence.map(
            (e) => `  ${e.id} ${e.kind} ${e.label} sha256:${e.sha256}${e.csam_locked_at ? " LOCKED" : ""}`,
          ),
          "Chronology:",
          ...parts.timeline.map((t) => `  ${t.created_at}  ${t.created_by}  [${t.kind}] ${t.body}`),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });
  incidents
    .command("report")
    .description("Report a concern: who, what, when (and a URL if online)")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .requiredOption("--who <name>", "who it is about")
    .requiredOption("--what <text>", "what happened")
    .requiredOption("--when <date>", "when, e.g. 2026-11-20 or 2026-11-20T09:30:00Z")
    .option("--url <url>", "where online")
    .action(async (options: { school?: string; who: string; what: string; when: string; url?: string }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const parsed = ConcernReportSchema.safeParse(options);
        if (!parsed.success) throw validationError(parsed.error.issues, "The concern");
        const row = await asOperator(database, (ctx) => reportConcern(ctx, schoolId, parsed.data));
        process.stdout.write(`Reported as incident ${row.id}.\n`);
      });
    });
  incidents
    .command("close")
    .description("Close an incident, as the school's head or SIRO")
    .argument("<id>", "the incident id")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .requiredOption("--as <email>", "the head or SIRO closing it")
    .requiredOption("--outcome <text>", "the outcome, for the chronology")
    .action(async (id: string, options: { school?: string; as: string; outcome: string }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const parsed = IncidentCloseSchema.safeParse({ outcome: options.outcome });
        if (!parsed.success) throw validationError(parsed.error.issues, "The request");
        const closer = await database.db
          .selectFrom("users")
          .innerJoin("memberships", "memberships.user_id", "users.id")
          .select(["users.id", "users.display_name", "users.email"])
          .where("users.email", "=", options.as.trim().toLowerCase())
          .where("memberships.school_id", "=", schoolId)
          .where("memberships.role", "in", ["head", "siro"])
          .executeTakeFirst();
        if (!closer) {
          throw new AppError("forbidden", `${options.as} is not the head or SIRO of this school.`, {
            hint: "Only the head or the SIRO closes an incident; give their email with --as.",
          });
        }
        const actor = {
          kind: "user" as const,
          id: closer.id,
          label: `${closer.display_name} <${closer.email}> (command line)`,
        };
        const closed = await inTransaction(database, { actor, ip: null }, (ctx) =>
          closeIncident(ctx, scopeOf([schoolId]), operator, id, parsed.data.outcome),
        );
        process.stdout.write(
          `Closed incident ${closed.id} at ${closed.closed_at ?? ""} by ${closed.closed_by ?? ""}.\n`,
        );
      });
    });
  incidents
    .command("export")
    .description("Export the case bundle (tar) for the police or LADO; prints its SHA-256")
    .argument("<id>", "the incident id")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .requiredOption("--out <file>", "where to write the tar")
    .requiredOption("--reason <text>", "why, for the audit log")
    .action(async (id: string, options: { school?: string; out: string; reason: string }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const store = await openEvidenceStore(database.db, loadConfig());
        const bundle = await asOperator(database, (ctx) =>
          exportCaseBundle(ctx, store, scopeOf([schoolId]), operator, id, options.reason),
        );
        writeFileSync(options.out, bundle.tar, { mode: 0o600 });
        process.stdout.write(
          `Wrote ${options.out} (${bundle.manifest.files.length} files, ${bundle.manifest.excluded.length} excluded)\nSHA-256 ${bundle.sha256}\n`,
        );
      });
    });
  incidents
    .command("holds")
    .description("List monitoring holds in force (kept from retention for an investigation)")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option("--released", "include released holds")
    .option("--json", "one JSON object per line")
    .action(async (options: { school?: string; released?: boolean; json?: boolean }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const holds = await findMonitoringHolds(database.db, schoolId, operator, {
          includeReleased: options.released === true,
        });
        if (holds.length === 0 && !options.json) process.stdout.write("No monitoring holds.\n");
        for (const hold of holds) {
          const state = hold.released_at
            ? `released ${hold.released_at} by ${hold.released_by ?? "?"}: ${hold.release_reason ?? ""}`
            : "in force";
          process.stdout.write(
            options.json
              ? `${JSON.stringify(hold)}\n`
              : `${hold.id}  since ${hold.created_at.slice(0, 10)}  ${heldSubject(hold)}  incident ${hold.incident_id}  ${hold.reason}  (${state})\n`,
          );
        }
      });
    });
  incidents
    .command("release-hold")
    .description("Release a monitoring hold once the investigation no longer needs it; retention resumes")
    .argument("<holdId>", "the hold id (see `vigil incidents holds`)")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .requiredOption(
      "--reason <text>",
      "why the hold can end (e.g. the police closed the case), for the audit log",
    )
    .action(async (holdId: string, options: { school?: string; reason: string }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        // The command checks the reason itself, as it does for the API.
        const hold = await asOperator(database, (ctx) =>
          releaseMonitoringHold(ctx, operator, { schoolId, holdId, reason: options.reason }),
        );
        process.stdout.write(
          `Released the monitoring hold on ${heldSubject(hold)} (incident ${hold.incident_id}) at ${hold.released_at ?? ""}.\n`,
        );
      });
    });
}
