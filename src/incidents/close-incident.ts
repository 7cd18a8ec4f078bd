/** Closes an incident: the head or SIRO (by policy: `incidents.close`) records the outcome and the date. */
import type { IncidentsTable } from "../db/schema.js";
import type { WriteContext } from "../platform/context/write-context.js";
import type { SchoolScope } from "../schools/school-scope.js";
import { appendTimelineEntry } from "./append-timeline-entry.js";
import { auditRow } from "./audited-row.js";
import { getIncident } from "./incident.repository.js";
import type { IncidentViewer } from "./incident-visibility.js";
import { assertOpen } from "./update-incident.js";

/** Marks the incident closed now, by the acting person, with `outcome` on the chronology. */
export async function closeIncident(
  ctx: WriteContext,
  scope: SchoolScope,
  viewer: IncidentViewer,
  incidentId: string,
  outcome: string,
): Promise<IncidentsTable> {
  const incident = await getIncident(ctx.trx, scope, viewer, incidentId);
  assertOpen(incident);
  const now = new Date().toISOString();
  const closed: IncidentsTable = {
    ...incident,
    status: "closed",
    closed_at: now,
    closed_by: ctx.actor.label,
    updated_at: now,
  };
  await ctx.trx
    .updateTable("incidents")
    .set({ status: "closed", closed_at: now, closed_by: ctx.actor.label, updated_at: now })
    .where("id", "=", incident.id)
    .execute();
  await appendTimelineEntry(ctx, incident, {
    kind: "decision",
    body: `Closed: ${outcome}`,
    data: { outcome },
  });
  await auditRow(ctx, "incident.closed", "incident", closed);
  return closed;
}
