/** Two-person review: a second safeguarding lead approves viewing an item of sensitive evidence. */
import { randomUUID } from "node:crypto";
import { appendAudit } from "../platform/audit/append-audit.js";
import { actorId } from "../platform/context/actor.js";
import type { WriteContext } from "../platform/context/write-context.js";
import type { IncidentViewer } from "../incidents/incident-visibility.js";
import type { SchoolScope } from "../schools/school-scope.js";
import { csamRefusal, getEvidence } from "./evidence.repository.js";

/** Records the approval, with its reason; the approver cannot then count as the second person for themself. */
export async function approveEvidence(
  ctx: WriteContext,
  scope: SchoolScope,
  viewer: IncidentViewer,
  ids: { incidentId: string; evidenceId: string },
  reason: string,
): Promise<void> {
  const { evidence } = await getEvidence(ctx.trx, scope, viewer, ids.incidentId, ids.evidenceId);
  if (evidence.csam_locked_at !== null) throw csamRefusal(evidence);
  await ctx.trx
    .insertInto("evidence_approvals")
    .values({
      id: randomUUID(),
      evidence_id: evidence.id,
      school_id: evidence.school_id,
      approver: ctx.actor.label,
      approver_id: actorId(ctx.actor),
      reason,
      approved_at: new Date().toISOString(),
    })
    .execute();
  await appendAudit(ctx, {
    event: "evidence.approved",
    schoolId: evidence.school_id,
    subject: { type: "evidence", id: evidence.id },
    data: { reason },
  });
}
