/** Reads an alert inside a write, locked (PostgreSQL) so two triagers cannot both move it from `new`. */
import { ALERT_STATUSES, type AlertStatus } from "../contracts/alert.contract.js";
import { lockRowsForUpdate } from "../db/row-lock.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";

export interface LockedAlert {
  id: string;
  school_id: string;
  status: AlertStatus;
  rule_ids: string;
  assignee_id: string | null;
  acknowledged_at: string | null;
}

/** The alert's triage fields, or null when it is not in scope. */
export async function findAlertForUpdate(
  ctx: WriteContext,
  scope: SchoolScope,
  alertId: string,
): Promise<LockedAlert | null> {
  const row = await lockRowsForUpdate(
    ctx.trx
      .selectFrom("alerts")
      .select(["id", "school_id", "status", "rule_ids", "assignee_id", "acknowledged_at"])
      .where("id", "=", alertId)
      .where((eb) => schoolInScope(eb, "school_id", scope)),
    ctx.capabilities,
  ).executeTakeFirst();
  if (!row) return null;
  const status = (ALERT_STATUSES as readonly string[]).includes(row.status)
    ? (row.status as AlertStatus)
    : "new";
  return { ...row, status };
}

/** As `findAlertForUpdate`, but `not_found` when it is not in scope. */
export async function loadAlertForUpdate(
  ctx: WriteContext,
  scope: SchoolScope,
  alertId: string,
): Promise<LockedAlert> {
  const alert = await findAlertForUpdate(ctx, scope, alertId);
  if (!alert) throw new AppError("not_found", `There is no alert ${alertId} in your schools.`);
  return alert;
}
