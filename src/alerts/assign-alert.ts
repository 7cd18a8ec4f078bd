/**
 * Assigns an alert to a staff member of its school whose role may act on alerts (or unassigns
 * it). Assigning acknowledges a `new` alert, since someone has now taken it on.
 */
import type { Kysely } from "kysely";
import type { AlertAssign } from "../contracts/alert.contract.js";
import type { Database } from "../db/schema.js";
import { isRole } from "../identity/roles.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import { roleAbilities } from "../platform/authz/policy-table.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import type { SchoolScope } from "../schools/school-scope.js";
import { appendAlertHistory } from "./alert-history.js";
import { loadAlertForUpdate, type LockedAlert } from "./load-alert-for-update.js";
import { acknowledgeIfNew } from "./triage-alert.js";

/** Why `userId` cannot be given alerts of `schoolId`, or null when they can. */
export async function assigneeRefusal(
  db: Kysely<Database>,
  schoolId: string,
  userId: string,
): Promise<string | null> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["memberships.role", "users.disabled_at"])
    .where("memberships.user_id", "=", userId)
    .where("memberships.school_id", "=", schoolId)
    .execute();
  if (rows.length === 0) return `assigneeId: user ${userId} is not a member of this school.`;
  if (rows.some((row) => row.disabled_at !== null))
    return `assigneeId: user ${userId}'s account is disabled.`;
  const mayAct = rows.some((row) => isRole(row.role) && roleAbilities[row.role].includes("alerts.act"));
  return mayAct ? null : `assigneeId: user ${userId}'s role in this school may not act on alerts.`;
}

/** Assigns one alert in scope. */
export async function assignAlert(
  ctx: WriteContext,
  scope: SchoolScope,
  alertId: string,
  input: AlertAssign,
): Promise<{ id: string; assigneeId: string | null }> {
  const alert = await loadAlertForUpdate(ctx, scope, alertId);
  if (input.assigneeId !== null) {
    const refused = await assigneeRefusal(ctx.trx, alert.school_id, input.assigneeId);
    if (refused)
      throw new AppError("validation_failed", refused, {
        fields: [{ path: "assigneeId", message: refused }],
        hint: "Choose a staff member of the school whose role acts on alerts.",
      });
  }
  await applyAssignment(ctx, alert, input.assigneeId, input.note ?? null);
  return { id: alert.id, assigneeId: input.assigneeId };
}

/** Writes an assignment already checked by `assigneeRefusal`. */
export async function applyAssignment(
  ctx: WriteContext,
  alert: LockedAlert,
  assigneeId: string | null,
  note: string | null,
): Promise<void> {
  await acknowledgeIfNew(ctx, alert);
  await ctx.trx
    .updateTable("alerts")
    .set({ assignee_id: assigneeId, updated_at: new Date().toISOString() })
    .where("id", "=", alert.id)
    .execute();
  await appendAlertHistory(ctx, {
    schoolId: alert.school_id,
    alertId: alert.id,
    action: "assigned",
    assigneeId,
    note,
  });
  await appendAudit(ctx, {
    event: "alert.assigned",
    schoolId: alert.school_id,
    subject: { type: "alert", id: alert.id },
    data: { from: alert.assignee_id, to: assigneeId },
  });
  alert.assignee_id = assigneeId;
}
