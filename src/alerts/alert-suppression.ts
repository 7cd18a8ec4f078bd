/**
 * Suppressions: "stop alerting on this rule for this site, user, device or school until a date".
 * Each is audited, expires on its own (`until`), can be ended early, and counts on its row the
 * signals it stopped, so nothing is hidden without a trace.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { alertLimits, type SuppressFromAlert, type SuppressionCreate } from "../contracts/alert.contract.js";
import type { Database } from "../db/schema.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";
import { appendAlertHistory } from "./alert-history.js";
import { loadAlertForUpdate } from "./load-alert-for-update.js";
import { hostOf } from "./suppression-match.js";

function untilRefusal(until: string, now: Date): string | null {
  const at = Date.parse(until);
  if (at <= now.getTime()) return "until must be in the future.";
  if (at > now.getTime() + alertLimits.suppressionMaxDays * 86_400_000)
    return `until must be within ${alertLimits.suppressionMaxDays} days: a suppression always ends.`;
  return null;
}

/** Creates a suppression in `schoolId`; returns its id. */
export async function createSuppression(
  ctx: WriteContext,
  schoolId: string,
  input: SuppressionCreate,
  sourceAlertId: string | null = null,
  now = new Date(),
): Promise<string> {
  const refused = untilRefusal(input.until, now);
  if (refused)
    throw new AppError("validation_failed", refused, { fields: [{ path: "until", message: refused }] });
  const id = randomUUID();
  const until = new Date(input.until).toISOString();
  await ctx.trx
    .insertInto("alert_suppressions")
    .values({
      id,
      school_id: schoolId,
      rule_id: input.ruleId,
      scope: input.scope,
      value: input.value ?? null,
      until,
      reason: input.reason,
      source_alert_id: sourceAlertId,
      created_by: ctx.actor.label,
      created_at: now.toISOString(),
      ended_at: null,
      ended_by: null,
      last_suppressed_at: null,
    })
    .execute();
  await appendAudit(ctx, {
    event: "alert-suppression.created",
    schoolId,
    subject: { type: "alert-suppression", id },
    data: {
      ruleId: input.ruleId,
      scope: input.scope,
      value: input.value ?? null,
      until,
      reason: input.reason,
    },
  });
  return id;
}

/** Suppresses one rule (or every rule) of an alert for the alert's site, user, device or school. */
export async function suppressFromAlert(
  ctx: WriteContext,
  scope: SchoolScope,
  alertId: string,
  input: SuppressFromAlert,
): Promise<string[]> {
  const alert = await loadAlertForUpdate(ctx, scope, alertId);
  const row = await ctx.trx
    .selectFrom("alerts")
    .select(["url", "user_name", "device"])
    .where("id", "=", alertId)
    .executeTakeFirstOrThrow();
  const ruleIds = JSON.parse(alert.rule_ids) as string[];
  if (input.ruleId !== undefined && !ruleIds.includes(input.ruleId)) {
    const message = `ruleId ${input.ruleId} did not fire on this alert; it fired ${ruleIds.join(", ")}.`;
    throw new AppError("validation_failed", message, { fields: [{ path: "ruleId", message }] });
  }
  const value =
    input.scope === "site"
      ? hostOf(row.url)
      : input.scope === "user"
        ? row.user_name
        : input.scope === "device"
          ? row.device
          : null;
  if (input.scope !== "school" && value === null) {
    const message = `scope: this alert has no ${input.scope} to suppress for; choose another scope.`;
    throw new AppError("validation_failed", message, { fields: [{ path: "scope", message }] });
  }
  const ids: string[] = [];
  for (const ruleId of input.ruleId === undefined ? ruleIds : [input.ruleId]) {
    const create = { ruleId, scope: input.scope, value, until: input.until, reason: input.reason };
    ids.push(await createSuppression(ctx, alert.school_id, create, alertId));
  }
  await appendAlertHistory(ctx, {
    schoolId: alert.school_id,
    alertId,
    action: "suppressed",
    note: `Suppressed ${input.ruleId ?? ruleIds.join(", ")} for ${input.scope}${value === null ? "" : ` ${value}`} until ${input.until}: ${input.reason}`,
  });
  return ids;
}

/** Ends a suppression before its date, audited; the row is kept with its counts. */
export async function endSuppression(
  ctx: WriteContext,
  scope: SchoolScope,
  id: string,
  reason: string,
): Promise<void> {
  const row = await ctx.trx
    .selectFrom("alert_suppressions")
    .select(["school_id", "ended_at", "until"])
    .where("id", "=", id)
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", `There is no suppression ${id} in your schools.`);
  if (row.ended_at !== null)
    throw new AppError("conflict", `Suppression ${id} already ended at ${row.ended_at}.`);
  await ctx.trx
    .updateTable("alert_suppressions")
    .set({ ended_at: new Date().toISOString(), ended_by: ctx.actor.label })
    .where("id", "=", id)
    .execute();
  await appendAudit(ctx, {
    event: "alert-suppression.ended",
    schoolId: row.school_id,
    subject: { type: "alert-suppression", id },
    data: { reason },
  });
}

/** A school's suppressions, newest first, each with whether it is still in force. */
export async function findSuppressions(
  db: Kysely<Database>,
  scope: SchoolScope,
  schoolId: string,
  now = new Date(),
) {
  const rows = await db
    .selectFrom("alert_suppressions")
    .selectAll()
    .where("school_id", "=", schoolId)
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .orderBy("created_at", "desc")
    .limit(500)
    .execute();
  const at = now.toISOString();
  return rows.map((row) => ({
    id: row.id,
    schoolId: row.school_id,
    ruleId: row.rule_id,
    scope: row.scope as "site" | "user" | "device" | "school",
    value: row.value,
    until: row.until,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    endedAt: row.ended_at,
    suppressedCount: row.suppressed_count,
    lastSuppressedAt: row.last_suppressed_at,
    sourceAlertId: row.source_alert_id,
    inForce: row.ended_at === null && row.until > at,
  }));
}
