/**
 * `vigil alerts list|show|triage`: the triage queue at the server's shell. Reads of alerts are
 * restricted, so each read is audited as the operator's, like the console's.
 */
import type { Command } from "commander";
import { AlertQueueQuerySchema, AlertTriageSchema } from "../contracts/alert.contract.js";
import { presentAlertDetail, presentAlertSummary } from "../alerts/alert.presenter.js";
import { findAlertHistory, findAlertInScope, findAlertQueue } from "../alerts/alert.repository.js";
import { triageStatuses } from "../alerts/alert-transitions.js";
import { triageAlert } from "../alerts/triage-alert.js";
import { AGE_GROUPS } from "../directory/age-group.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import { validationError } from "../platform/errors/app-error.js";
import { operatorScope } from "../schools/school.repository.js";
import { scopeOf } from "../schools/school-scope.js";
import { resolveSchool } from "./resolve-school.js";
import { addAlertsWhatIfCommand } from "./alerts-what-if.command.js";
import { asOperator, withDatabase } from "./with-database.js";

interface ListOptions {
  school?: string;
  status?: string;
  minSeverity?: string;
  category?: string;
  ageGroup?: string;
  aboutStaff?: boolean;
  assignee?: string;
  olderThan?: string;
  sort?: string;
  limit?: string;
  cursor?: string;
  json?: boolean;
}

/** Adds the `alerts` command group. */
export function addAlertsCommand(program: Command): void {
  const alerts = program.command("alerts").description("The alert triage queue");
  alerts
    .command("list")
    .description("List a school's alerts, newest (or most severe) first")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option("--status <statuses>", "comma-separated: new,in-review,false-positive,no-action,incident")
    .option("--min-severity <n>", "only severity n (1-5) and above")
    .option("--category <category>", "only alerts in this category")
    .option("--age-group <group>", `only pupils in this age group: ${AGE_GROUPS.join(", ")}`)
    .option("--about-staff", "only alerts about a member of staff (per the directory)")
    .option("--assignee <id>", "a user id, or none")
    .option("--older-than <minutes>", "only alerts first seen at least this many minutes ago")
    .option("--sort <order>", "newest or severity", "newest")
    .option("--limit <n>", "how many (at most 100)", "50")
    .option("--cursor <cursor>", "the next page, as printed after the last one")
    .option("--json", "print the page as JSON")
    .action(async (options: ListOptions) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const parsed = AlertQueueQuerySchema.safeParse({
          status: options.status,
          minSeverity: options.minSeverity,
          category: options.category,
          ageGroup: options.ageGroup,
          aboutStaff: options.aboutStaff,
          assignee: options.assignee,
          olderThanMinutes: options.olderThan,
          sort: options.sort,
          limit: options.limit,
          cursor: options.cursor,
        });
        if (!parsed.success) throw validationError(parsed.error.issues, "The filters");
        const page = await asOperator(database, async (ctx) => {
          await appendAudit(ctx, {
            event: "alert.queue-viewed",
            schoolId,
            subject: { type: "school", id: schoolId },
          });
          return findAlertQueue(ctx.trx, scopeOf([schoolId]), schoolId, parsed.data);
        });
        const rows = page.rows.map(presentAlertSummary);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ alerts: rows, nextCursor: page.nextCursor }, null, 2)}\n`);
          return;
        }
        if (rows.length === 0) process.stdout.write("No alerts match.\n");
        for (const row of rows) {
          const who = `${row.user ?? row.device ?? "unknown"}${row.aboutStaff ? " (staff)" : ""}`;
          process.stdout.write(
            `${row.id}  sev ${row.severity}  ${row.status.padEnd(14)}  ${row.categories.join(",").padEnd(12)}  ${who}  ×${row.count}  ${row.lastSeen}\n`,
          );
        }
        if (page.nextCursor) process.stdout.write(`More: --cursor ${page.nextCursor}\n`);
      });
    });
  alerts
    .command("show")
    .description("Show one alert: the explanation, the evidence and its history")
    .argument("<alertId>")
    .option("--json", "print the alert as JSON")
    .action(async (alertId: string, options: { json?: boolean }) => {
      await withDatabase(async (database) => {
        const scope = await operatorScope(database.db);
        const detail = await asOperator(database, async (ctx) => {
          const row = await findAlertInScope(ctx.trx, scope, alertId);
          await appendAudit(ctx, {
            event: "alert.viewed",
            schoolId: row.school_id,
            subject: { type: "alert", id: alertId },
          });
          const history = await findAlertHistory(ctx.trx, row.school_id, alertId);
          const status = AlertTriageSchema.shape.status.parse(row.status);
          return presentAlertDetail(row, history, {
            transitions: triageStatuses(status),
            assign: true,
            suppress: true,
          });
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(detail, null, 2)}\n`);
          return;
        }
        const lines = [
          `Alert ${detail.id}: severity ${detail.severity}, ${detail.status}, ${detail.categories.join(", ")}`,
          `Who: ${detail.user ?? "unknown user"} on ${detail.device ?? "unknown device"}; seen ${detail.count} time(s), ${detail.firstSeen} to ${detail.lastSeen}`,
          ...(detail.url ? [`Address: ${detail.url}`] : []),
          "Why:",
          ...detail.explanation.map((line) => `  ${line}`),
          ...(detail.evidence ? ["Evidence:", `  ${detail.evidence.text}`] : []),
          "History:",
          ...(detail.history.length === 0 ? ["  (nothing yet)"] : []),
          ...detail.history.map(
            (entry) =>
              `  ${entry.at}  ${entry.actor}  ${entry.action}${entry.toStatus ? ` ${entry.fromStatus ?? ""}→${entry.toStatus}` : ""}${entry.note ? `: ${entry.note}` : ""}`,
          ),
          `Next: ${detail.abilities.transitions.join(", ") || "no triage change (raised to an incident)"}`,
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });
  alerts
    .command("triage")
    .description("Change an alert's status, with a note")
    .argument("<alertId>")
    .requiredOption("--status <status>", "in-review, false-positive or no-action")
    .option("--note <text>", "why, kept in the alert's history")
    .option("--json", "print the result as JSON")
    .action(async (alertId: string, options: { status: string; note?: string; json?: boolean }) => {
      await withDatabase(async (database) => {
        const parsed = AlertTriageSchema.safeParse({ status: options.status, note: options.note });
        if (!parsed.success) throw validationError(parsed.error.issues, "The triage");
        const scope = await operatorScope(database.db);
        const result = await asOperator(database, (ctx) => triageAlert(ctx, scope, alertId, parsed.data));
        process.stdout.write(
          options.json
            ? `${JSON.stringify(result)}\n`
            : `Alert ${result.id}: ${result.from} → ${result.to}.\n`,
        );
      });
    });
  addAlertsWhatIfCommand(alerts);
}
