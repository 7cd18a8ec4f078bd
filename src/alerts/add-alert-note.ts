/** Adds a note to an alert's history; writing about a `new` alert acknowledges it. */
import type { AlertNote } from "../contracts/alert.contract.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import type { SchoolScope } from "../schools/school-scope.js";
import { appendAlertHistory } from "./alert-history.js";
import { loadAlertForUpdate } from "./load-alert-for-update.js";
import { acknowledgeIfNew } from "./triage-alert.js";

/** Notes one alert in scope. */
export async function addAlertNote(
  ctx: WriteContext,
  scope: SchoolScope,
  alertId: string,
  input: AlertNote,
): Promise<{ id: string }> {
  const alert = await loadAlertForUpdate(ctx, scope, alertId);
  await acknowledgeIfNew(ctx, alert);
  await appendAlertHistory(ctx, { schoolId: alert.school_id, alertId, action: "noted", note: input.note });
  await appendAudit(ctx, {
    event: "alert.noted",
    schoolId: alert.school_id,
    subject: { type: "alert", id: alertId },
    data: { length: input.note.length },
  });
  return { id: alertId };
}
