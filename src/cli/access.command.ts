/**
 * `vigil access requests|review`: who has asked for access beyond their role, and the termly
 * access review, from the server's shell. Decisions and sign-offs are a person's, so they are made
 * signed in (console or API), where the decider is named; `vigil user expire` ends guest accounts.
 */
import type { Command } from "commander";
import { findAccessRequests } from "../governance/access-request.repository.js";
import { buildAccessReview } from "../governance/build-access-review.js";
import { accessReviewHash, findAccessReviewSignOffs } from "../governance/sign-off-access-review.js";
import { resolveSchool } from "./resolve-school.js";
import { usageError } from "./cli-errors.js";
import { withDatabase } from "./with-database.js";

const statuses = ["pending", "approved", "refused", "withdrawn"];

/** Adds the `access` command group. */
export function addAccessCommand(program: Command): void {
  const access = program.command("access").description("Access beyond a role, and the termly access review");

  access
    .command("requests")
    .description("List a school's requests for access beyond a role")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option("--status <status>", `only ${statuses.join(", ")}`)
    .action(async (options: { school?: string; status?: string }) => {
      if (options.status !== undefined && !statuses.includes(options.status)) {
        throw usageError(`--status must be one of ${statuses.join(", ")}.`);
      }
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const rows = await findAccessRequests(
          database.db,
          schoolId,
          options.status ? { status: options.status } : {},
        );
        if (rows.length === 0) process.stdout.write("No access requests.\n");
        for (const row of rows) {
          const decided = row.decided_at
            ? `; ${row.status} by ${row.decider_name ?? "?"}: "${row.decision_reason ?? ""}"`
            : "";
          process.stdout.write(
            `${row.created_at}  ${row.status.padEnd(9)}  ${row.requester_email} asks to ${row.action}` +
              `${row.subject ? ` (${row.subject})` : ""} until ${row.requested_until}: "${row.reason}"${decided}\n`,
          );
        }
      });
    });

  access
    .command("review")
    .description("Print the termly access review: who can see what, and what needs a look")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option("--json", "the full report as JSON")
    .action(async (options: { school?: string; json?: boolean }) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const report = await buildAccessReview(database.db, schoolId);
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ report, reportSha256: accessReviewHash(report) }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(`Access review of ${report.schoolName}, ${report.generatedAt}\n\n`);
        for (const person of report.people) {
          const flags = person.flags.length > 0 ? `  needs a look: ${person.flags.join(", ")}` : "";
          process.stdout.write(
            `${person.name} <${person.email}>: ${person.roles.join(", ")}; ` +
              `pupil data: ${person.restricted.join(", ") || "none"}${flags}\n`,
          );
        }
        const signOffs = await findAccessReviewSignOffs(database.db, schoolId);
        const last = signOffs[0];
        process.stdout.write(
          `\n${report.people.length} people, ${Object.values(report.flagged).reduce((a, b) => a + b, 0)} flags. ` +
            (last ? `Last signed off ${last.signed_at} by ${last.reviewer}. ` : "Never signed off. ") +
            (report.due
              ? "A review is due: the SIRO or head signs it off in the console (Access review).\n"
              : "Not due yet.\n"),
        );
      });
    });
}
