/**
 * `vigil override add|list|revoke`: a school's own terms, allowed terms and suppressions, on top
 * of the shipped library. Each change is audited; `vigil scan --school` shows their effect.
 */
import type { Command } from "commander";
import { DetectionOverrideCreateSchema } from "../contracts/detection-override.contract.js";
import { shippedDetector } from "../library/shipped-detector.js";
import { createDetectionOverride } from "../overrides/create-detection-override.js";
import { findDetectionOverrides } from "../overrides/detection-override.repository.js";
import { revokeDetectionOverride } from "../overrides/revoke-detection-override.js";
import { validationError } from "../platform/errors/app-error.js";
import { operatorScope } from "../schools/school.repository.js";
import { resolveSchool } from "./resolve-school.js";
import { asOperator, withDatabase } from "./with-database.js";

interface AddOptions {
  school?: string;
  phrase?: string;
  category?: string;
  weight?: string;
  severity?: string;
  rule?: string;
  site?: string;
  user?: string;
  reason?: string;
  expires?: string;
}

/** Adds the `override` command group. */
export function addOverrideCommand(program: Command): void {
  const override = program.command("override").description("A school's own changes to the phrase library");
  override
    .command("add")
    .description("Add a local term, an allowed term, or a suppression of a rule")
    .argument("<kind>", "local-term, allowed-term or suppression")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option("--phrase <phrase>", "the term (local-term, allowed-term)")
    .option("--category <category>", "its category (local-term)")
    .option("--weight <n>", "its weight; 100 alerts alone at secondary (local-term)", "100")
    .option("--severity <n>", "1 to 5 (local-term)", "3")
    .option("--rule <ruleId>", "the rule to silence, e.g. en.violence.shoot (suppression)")
    .option("--site <host>", "only on this site and its subdomains (suppression)")
    .option("--user <name>", "only for this user (suppression)")
    .requiredOption("--reason <text>", "why: kept in the audit log")
    .option("--expires <date>", "when it ends, as an ISO date-time (default: never)")
    .action(async (kind: string, options: AddOptions) => {
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        const parsed = DetectionOverrideCreateSchema.safeParse({
          kind,
          phrase: options.phrase,
          category: options.category,
          weight: Number(options.weight),
          severity: Number(options.severity),
          ruleId: options.rule,
          site: options.site,
          user: options.user,
          reason: options.reason,
          expiresAt: options.expires,
        });
        if (!parsed.success) throw validationError(parsed.error.issues, "The override");
        const { library } = shippedDetector().detector;
        const id = await asOperator(database, (ctx) =>
          createDetectionOverride(ctx, schoolId, parsed.data, library),
        );
        process.stdout.write(
          `Added ${kind} ${id}. Check its effect with \`vigil scan --school ${schoolId} "..."\`.\n`,
        );
      });
    });
  override
    .command("list")
    .description("List every override, in force or not")
    .action(async () => {
      await withDatabase(async (database) => {
        const rows = await findDetectionOverrides(database.db, await operatorScope(database.db));
        if (rows.length === 0)
          process.stdout.write("No overrides: every school uses the shipped library as it is.\n");
        for (const row of rows) {
          const what =
            row.kind === "suppression"
              ? `${row.rule_id ?? ""}${row.site ? ` on ${row.site}` : ""}${row.user_name ? ` for ${row.user_name}` : ""}`
              : `"${row.phrase ?? ""}"`;
          const state = row.revoked_at
            ? `revoked ${row.revoked_at}`
            : row.expires_at
              ? `until ${row.expires_at}`
              : "in force";
          process.stdout.write(
            `${row.id}  ${row.kind}  ${what}  (${state}; by ${row.created_by}: ${row.reason})\n`,
          );
        }
      });
    });
  override
    .command("revoke")
    .description("End an override now (it stays on record)")
    .argument("<id>", "the override's id, from `vigil override list`")
    .requiredOption("--reason <text>", "why: kept in the audit log")
    .action(async (id: string, options: { reason: string }) => {
      await withDatabase(async (database) => {
        const scope = await operatorScope(database.db);
        await asOperator(database, (ctx) => revokeDetectionOverride(ctx, scope, id, options.reason));
        process.stdout.write(`Revoked ${id}.\n`);
      });
    });
}
