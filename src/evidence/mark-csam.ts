/**
 * The illegal content procedure (seed 001, "Responding to incidents of misuse"): marking evidence as
 * suspected child sexual abuse material stops everything. The item is locked (never displayed,
 * exported or bundled by Vigil, for anyone), the referral to the police and the IWF/CEOP is recorded
 * on the incident, and monitoring of the device concerned is held for the investigation.
 */
import type { IncidentsTable } from "../db/schema.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import type { SchoolScope } from "../schools/school-scope.js";
import { appendTimelineEntry } from "../incidents/append-timeline-entry.js";
import { auditRow } from "../incidents/audited-row.js";
import type { IncidentViewer } from "../incidents/incident-visibility.js";
import { recordAction } from "../incidents/record-action.js";
import { getEvidence } from "./evidence.repository.js";
import { holdMonitoring } from "./monitoring-holds.js";

/** Locks the item and records the referrals and the hold; all in the caller's transaction. */
export async function markSuspectedCsam(
  ctx: WriteContext,
  scope: SchoolScope,
  viewer: IncidentViewer,
  ids: { incidentId: string; evidenceId: string },
  details: { note: string; policeReference?: string | undefined },
): Promise<void> {
  const { incident, evidence } = await getEvidence(ctx.trx, scope, viewer, ids.incidentId, ids.evidenceId);
  if (evidence.csam_locked_at !== null) {
    throw new AppError("conflict", "This evidence is already locked as suspected CSAM.");
  }
  const now = new Date().toISOString();
  const locked = { ...evidence, csam_locked_at: now, csam_locked_by: ctx.actor.label };
  await ctx.trx
    .updateTable("evidence")
    .set({ csam_locked_at: now, csam_locked_by: ctx.actor.label })
    .where("id", "=", evidence.id)
    .execute();
  await auditRow(ctx, "evidence.csam-locked", "evidence", locked, { incidentId: incident.id });
  await appendTimelineEntry(ctx, incident, {
    kind: "decision",
    body: `Evidence ${evidence.id} marked as suspected child sexual abuse material and locked. ${details.note}`,
    data: { evidenceId: evidence.id },
  });
  const today = now.slice(0, 10);
  await recordAction(ctx, incident, {
    kind: "referral",
    agency: "police",
    description:
      "Suspected child sexual abuse material: referred to the police; the device is kept for them.",
    happenedOn: today,
    reference: details.policeReference,
  });
  await recordAction(ctx, incident, {
    kind: "referral",
    agency: "iwf",
    description:
      "Suspected child sexual abuse material online: reported to the IWF (and CEOP where a child is at risk).",
    happenedOn: today,
  });
  await holdMonitoring(ctx, {
    schoolId: incident.school_id,
    device: incident.device,
    userName: await subjectUserName(ctx, incident),
    incidentId: incident.id,
    reason: "held for a police investigation (suspected CSAM)",
  });
}

async function subjectUserName(ctx: WriteContext, incident: IncidentsTable): Promise<string | null> {
  const subject = await ctx.trx
    .selectFrom("incident_people")
    .select("user_name")
    .where("incident_id", "=", incident.id)
    .where("involvement", "=", "subject")
    .where("user_name", "is not", null)
    .executeTakeFirst();
  return subject?.user_name ?? null;
}
