/** The head names someone who may see an allegation against staff (and the chronology says so). */
import type { WriteContext } from "../platform/context/write-context.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import { AppError } from "../platform/errors/app-error.js";
import type { SchoolScope } from "../schools/school-scope.js";
import { appendTimelineEntry } from "./append-timeline-entry.js";
import { getIncident } from "./incident.repository.js";
import type { IncidentViewer } from "./incident-visibility.js";

/** Only the school's head may name viewers; the person must be a member of the school. */
export async function nameViewer(
  ctx: WriteContext,
  scope: SchoolScope,
  viewer: IncidentViewer,
  incidentId: string,
  userId: string,
): Promise<void> {
  const incident = await getIncident(ctx.trx, scope, viewer, incidentId);
  if (viewer.kind === "user" && !viewer.headOf.includes(incident.school_id)) {
    throw new AppError("forbidden", "Only the head names who may see an incident.", {
      hint: "Ask the head of the school.",
    });
  }
  const member = await ctx.trx
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.display_name"])
    .where("memberships.user_id", "=", userId)
    .where("memberships.school_id", "=", incident.school_id)
    .executeTakeFirst();
  if (!member) throw new AppError("not_found", `${userId} is not a member of this school's staff.`);
  await ctx.trx
    .insertInto("incident_viewers")
    .values({
      incident_id: incident.id,
      school_id: incident.school_id,
      user_id: userId,
      granted_by: ctx.actor.label,
      granted_at: new Date().toISOString(),
    })
    .onConflict((conflict) => conflict.columns(["incident_id", "user_id"]).doNothing())
    .execute();
  await appendAudit(ctx, {
    event: "incident.viewer-named",
    schoolId: incident.school_id,
    subject: { type: "incident", id: incident.id },
    data: { userId },
  });
  await appendTimelineEntry(ctx, incident, {
    kind: "decision",
    body: `${member.display_name} may now see this incident.`,
    data: { userId },
  });
}
