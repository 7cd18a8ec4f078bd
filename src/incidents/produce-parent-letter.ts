/**
 * Produces the letter to parents or carers from the school's template as a PDF. With `sentOn`,
 * the incident records that parents were informed on that date, and the letter's SHA-256 goes on
 * the chronology, so the letter sent can be matched later.
 */
import type { ParentLetter } from "../contracts/incident.contract.js";
import { sha256Hex } from "../evidence/evidence-store.js";
import type { WriteContext } from "../platform/context/write-context.js";
import type { SchoolScope } from "../schools/school-scope.js";
import { appendTimelineEntry } from "./append-timeline-entry.js";
import { getIncident } from "./incident.repository.js";
import { readIncidentSettings } from "./incident-settings.js";
import type { IncidentViewer } from "./incident-visibility.js";
import { renderLetter, textPdf } from "./parent-letter.js";
import { recordAction } from "./record-action.js";

/** The letter's text and PDF bytes. */
export async function produceParentLetter(
  ctx: WriteContext,
  scope: SchoolScope,
  viewer: IncidentViewer,
  incidentId: string,
  input: ParentLetter,
): Promise<{ text: string; pdf: Uint8Array }> {
  const incident = await getIncident(ctx.trx, scope, viewer, incidentId);
  const school = await ctx.trx
    .selectFrom("schools")
    .select("name")
    .where("id", "=", incident.school_id)
    .executeTakeFirstOrThrow();
  const { letterTemplate } = await readIncidentSettings(ctx.trx, incident.school_id);
  const text = renderLetter(letterTemplate, {
    parentName: input.parentName,
    pupilName: input.pupilName,
    schoolName: school.name,
    incidentDate: incident.incident_date.slice(0, 10),
    summary: incident.summary,
    senderName: ctx.actor.label,
    today: (input.sentOn ?? new Date().toISOString()).slice(0, 10),
  });
  const pdf = await textPdf(text, `Letter to ${input.parentName}`);
  if (input.sentOn !== undefined) {
    await recordAction(ctx, incident, {
      kind: "parents-informed",
      description: `Letter to ${input.parentName} about ${input.pupilName}`,
      happenedOn: input.sentOn,
    });
    await appendTimelineEntry(ctx, incident, {
      kind: "document",
      body: `Letter to ${input.parentName} sent on ${input.sentOn} (PDF SHA-256 ${sha256Hex(Buffer.from(pdf))})`,
      data: { sha256: sha256Hex(Buffer.from(pdf)), sentOn: input.sentOn },
    });
  }
  return { text, pdf };
}
