/**
 * Changes an incident's fields. Each changed field gets a chronology entry with its old and new
 * value, who and when, so the history of every field survives; a closed incident does not change.
 */
import type { IncidentUpdate } from "../contracts/incident.contract.js";
import type { IncidentsTable } from "../db/schema.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import type { SchoolScope } from "../schools/school-scope.js";
import { appendTimelineEntry } from "./append-timeline-entry.js";
import { auditRow } from "./audited-row.js";
import { getIncident } from "./incident.repository.js";
import type { IncidentViewer } from "./incident-visibility.js";
import { checkJoinDates } from "./check-join-dates.js";
import { resolveIncidentType } from "./resolve-incident-type.js";

const columns = {
  type: "type",
  status: "status",
  incidentDate: "incident_date",
  summary: "summary",
  description: "description",
  informationClassification: "information_classification",
  device: "device",
  websites: "websites",
  immediateAction: "immediate_action",
  furtherAction: "further_action",
  legalImplications: "legal_implications",
} as const satisfies Record<string, keyof IncidentsTable>;

/** Applies `update`; returns the names of the fields that changed. */
export async function updateIncident(
  ctx: WriteContext,
  scope: SchoolScope,
  viewer: IncidentViewer,
  incidentId: string,
  update: IncidentUpdate,
): Promise<string[]> {
  const incident = await getIncident(ctx.trx, scope, viewer, incidentId);
  assertOpen(incident);
  if (update.type !== undefined) await resolveIncidentType(ctx, incident.school_id, update.type);
  if (update.incidentDate !== undefined) {
    const people = await ctx.trx
      .selectFrom("incident_people")
      .select(["kind", "user_name as userName"])
      .where("incident_id", "=", incident.id)
      .execute();
    await checkJoinDates(ctx, incident.school_id, new Date(update.incidentDate).toISOString(), people);
  }
  const next: IncidentsTable = { ...incident };
  const changed: string[] = [];
  for (const [field, column] of Object.entries(columns) as [keyof typeof columns, keyof IncidentsTable][]) {
    const given = update[field];
    if (given === undefined) continue;
    const value =
      field === "websites"
        ? JSON.stringify(given)
        : field === "incidentDate"
          ? new Date(given as string).toISOString()
          : given;
    const old = incident[column];
    if (old === value) continue;
    (next as unknown as Record<string, unknown>)[column] = value;
    changed.push(field);
    await appendTimelineEntry(ctx, incident, {
      kind: "field-change",
      body: `${field} changed: ${update.reason}`,
      data: {
        field,
        old: old === null ? null : String(old),
        new: String(value),
        reason: update.reason,
      },
    });
  }
  if (changed.length === 0) return changed;
  next.updated_at = new Date().toISOString();
  await ctx.trx
    .updateTable("incidents")
    .set({ ...next })
    .where("id", "=", incident.id)
    .execute();
  await auditRow(ctx, "incident.updated", "incident", next, { fields: changed });
  return changed;
}

/** Refuses changes to a closed incident, saying what to do instead. */
export function assertOpen(incident: IncidentsTable): void {
  if (incident.status === "closed") {
    throw new AppError("conflict", "This incident is closed; its record no longer changes.", {
      hint: "Add a chronology note if something new comes to light, or record a new incident.",
    });
  }
}
