/**
 * Moves an alert to a new triage status, with the change in its history, the decision recorded
 * against each rule that fired (the feedback loop), and the audit record, all in one transaction.
 * Leaving `new` is what acknowledges an alert, so the first triage also stamps `acknowledged_at`.
 */
import type { AlertStatus, AlertTriage } from "../contracts/alert.contract.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import type { SchoolScope } from "../schools/school-scope.js";
import { appendAlertHistory } from "./alert-history.js";
import { transitionRefusal } from "./alert-transitions.js";
import { loadAlertForUpdate, type LockedAlert } from "./load-alert-for-update.js";
import { recordRuleOutcomes } from "./rule-outcomes.js";

/** Triage of one alert in scope; `conflict` with the reason when the change is not allowed. */
export async function triageAlert(
  ctx: WriteContext,
  scope: SchoolScope,
  alertId: string,
  input: AlertTriage,
): Promise<{ id: string; from: AlertStatus; to: AlertStatus }> {
  const alert = await loadAlertForUpdate(ctx, scope, alertId);
  const refused = transitionRefusal(alert.status, input.status);
  if (refused) throw new AppError("conflict", refused, { hint: "Reload the alert to see its status." });
  const from = alert.status;
  await applyTriage(ctx, alert, input.status, input.note ?? null);
  return { id: alert.id, from, to: input.status };
}

/** Writes an allowed status change (the caller has checked `transitionRefusal`). */
export async function applyTriage(
  ctx: WriteContext,
  alert: LockedAlert,
  status: AlertStatus,
  note: string | null,
): Promise<void> {
  const now = new Date().toISOString();
  await ctx.trx
    .updateTable("alerts")
    .set({ status, acknowledged_at: alert.acknowledged_at ?? now, updated_at: now })
    .where("id", "=", alert.id)
    .execute();
  await appendAlertHistory(ctx, {
    schoolId: alert.school_id,
    alertId: alert.id,
    action: "triaged",
    fromStatus: alert.status,
    toStatus: status,
    note,
  });
  await recordRuleOutcomes(ctx, alert, status);
  // The note may name a pupil: the audit log records that there was one, the history holds it.
  await appendAudit(ctx, {
    event: "alert.triaged",
    schoolId: alert.school_id,
    subject: { type: "alert", id: alert.id },
    data: { from: alert.status, to: status, note: note !== null },
  });
  alert.status = status;
  alert.acknowledged_at ??= now;
}

/** Any action on a `new` alert acknowledges it: it moves to in-review first. */
export async function acknowledgeIfNew(ctx: WriteContext, alert: LockedAlert): Promise<void> {
  if (alert.status === "new") await applyTriage(ctx, alert, "in-review", null);
}
