/**
 * Raises an incident from one or more alerts: the only place that sets an alert to `incident`.
 * Each alert's evidence (its text window, URL and explanation) becomes encrypted evidence of the
 * incident, the alert is linked to it, and the alert's history and the audit chain say so.
 */
import type { RaiseFromAlerts } from "../contracts/incident.contract.js";
import type { IncidentsTable } from "../db/schema.js";
import { addEvidence } from "../evidence/add-evidence.js";
import type { EvidenceStore } from "../evidence/evidence-store.js";
import { recordIncident } from "../incidents/record-incident.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";
import { appendAlertHistory } from "./alert-history.js";
import { loadAlertForUpdate } from "./load-alert-for-update.js";
import { recordRuleOutcomes } from "./rule-outcomes.js";

/** Records the incident and moves every alert to `incident`; all or nothing. */
export async function raiseAlertsToIncident(
  ctx: WriteContext,
  store: EvidenceStore,
  scope: SchoolScope,
  schoolId: string,
  input: RaiseFromAlerts,
): Promise<IncidentsTable> {
  const alertIds = [...new Set(input.alertIds)];
  const locked = [];
  for (const alertId of alertIds) {
    const alert = await loadAlertForUpdate(ctx, scope, alertId);
    if (alert.school_id !== schoolId)
      throw new AppError("not_found", `There is no alert ${alertId} in this school.`);
    if (alert.status === "incident") {
      throw new AppError("conflict", `Alert ${alertId} has already been raised to an incident.`, {
        hint: "Open its incident from the alert instead.",
      });
    }
    locked.push(alert);
  }
  const alerts = await ctx.trx
    .selectFrom("alerts")
    .selectAll()
    .where("id", "in", alertIds)
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .orderBy("first_seen")
    .execute();
  const first = alerts[0];
  if (!first) throw new AppError("not_found", "None of those alerts exist in this school.");
  const userNames = [...new Set(alerts.flatMap((alert) => (alert.user_name ? [alert.user_name] : [])))];
  const incident = await recordIncident(
    ctx,
    schoolId,
    {
      type: input.type,
      incidentDate: first.first_seen,
      summary: input.summary,
      description: `Raised from ${alerts.length} alert(s): ${input.summary}`,
      informationClassification: "none",
      people: userNames.map((userName) => ({
        kind: "pupil" as const,
        involvement: "subject" as const,
        userName,
      })),
      device: first.device ?? undefined,
      websites: [
        ...new Set(alerts.flatMap((alert) => (alert.url && /^https?:/.test(alert.url) ? [alert.url] : []))),
      ],
    },
    "alerts",
  );
  for (const alert of alerts) {
    const carried = [
      `Alert ${alert.id} (severity ${alert.severity}, seen ${alert.first_seen} to ${alert.last_seen}, ${alert.count} time(s))`,
      `URL: ${alert.url ?? "none"}`,
      `User: ${alert.user_name ?? "unknown"}  Device: ${alert.device ?? "unknown"}`,
      `Text window: ${alert.evidence ?? "none"}`,
      `Explanation: ${alert.explanation}`,
    ].join("\n");
    await addEvidence(ctx, store, incident, {
      kind: "text",
      text: carried,
      label: `Alert ${alert.id.slice(0, 8)}`,
    });
    await ctx.trx
      .insertInto("incident_alerts")
      .values({ incident_id: incident.id, alert_id: alert.id, school_id: schoolId })
      .execute();
    const before = locked.find((candidate) => candidate.id === alert.id);
    await ctx.trx
      .updateTable("alerts")
      .set({ status: "incident", updated_at: new Date().toISOString() })
      .where("id", "=", alert.id)
      .execute();
    await appendAlertHistory(ctx, {
      schoolId,
      alertId: alert.id,
      action: "triaged",
      fromStatus: before?.status ?? alert.status,
      toStatus: "incident",
      note: `Raised to incident ${incident.id}`,
    });
    if (before) await recordRuleOutcomes(ctx, before, "incident");
    await appendAudit(ctx, {
      event: "alert.raised-to-incident",
      schoolId,
      subject: { type: "alert", id: alert.id },
      data: { incidentId: incident.id, fromStatus: before?.status ?? alert.status },
    });
  }
  return incident;
}
