/**
 * Records an incident with the Incident Log's fields and the people involved, in one transaction
 * with its first chronology entry and audit records. A member of staff as subject makes it an
 * allegation against staff, visible only to the head and whom the head names.
 */
import { randomUUID } from "node:crypto";
import type { IncidentCreate } from "../contracts/incident.contract.js";
import type { IncidentPeopleTable, IncidentsTable } from "../db/schema.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { appendTimelineEntry } from "./append-timeline-entry.js";
import { auditRow } from "./audited-row.js";
import { checkJoinDates } from "./check-join-dates.js";
import { resolveIncidentType } from "./resolve-incident-type.js";

export type IncidentSource = "recorded" | "concern" | "alerts";

/** Stores the incident for `schoolId`; returns the new row. */
export async function recordIncident(
  ctx: WriteContext,
  schoolId: string,
  input: IncidentCreate,
  source: IncidentSource,
): Promise<IncidentsTable> {
  const type = await resolveIncidentType(ctx, schoolId, input.type);
  await checkJoinDates(ctx, schoolId, new Date(input.incidentDate).toISOString(), input.people);
  const now = new Date().toISOString();
  const row: IncidentsTable = {
    id: randomUUID(),
    school_id: schoolId,
    type,
    status: "open",
    source,
    incident_date: new Date(input.incidentDate).toISOString(),
    summary: input.summary,
    description: input.description,
    information_classification: input.informationClassification,
    device: input.device ?? null,
    websites: JSON.stringify(input.websites),
    immediate_action: input.immediateAction ?? null,
    further_action: input.furtherAction ?? null,
    legal_implications: input.legalImplications ?? null,
    staff_allegation: input.people.some((p) => p.kind === "staff" && p.involvement === "subject") ? 1 : 0,
    reported_by: ctx.actor.label,
    created_at: now,
    updated_at: now,
    closed_at: null,
    closed_by: null,
  };
  await ctx.trx.insertInto("incidents").values(row).execute();
  await auditRow(ctx, "incident.created", "incident", row, { type, source });
  for (const person of input.people) {
    const personRow: IncidentPeopleTable = {
      id: randomUUID(),
      incident_id: row.id,
      school_id: schoolId,
      kind: person.kind,
      involvement: person.involvement,
      name: person.name ?? null,
      user_name: person.userName ?? null,
      created_at: now,
    };
    await ctx.trx.insertInto("incident_people").values(personRow).execute();
    await auditRow(ctx, "incident.updated", "incident-person", personRow, { incidentId: row.id });
  }
  await appendTimelineEntry(ctx, row, {
    kind: "reported",
    body: source === "concern" ? `Concern reported: ${input.summary}` : `Incident recorded: ${input.summary}`,
    data: { source },
  });
  return row;
}
