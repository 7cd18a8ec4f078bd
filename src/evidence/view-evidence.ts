/**
 * Shows an item of evidence to one person for a stated reason. Every view is recorded (who, why,
 * when) before the content leaves; CSAM-locked evidence is refused for everyone; sensitive evidence
 * needs a second person's approval first when the school has turned on two-person review.
 */
import { randomUUID } from "node:crypto";
import { appendAudit } from "../platform/audit/append-audit.js";
import { actorId } from "../platform/context/actor.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import type { SchoolScope } from "../schools/school-scope.js";
import type { IncidentViewer } from "../incidents/incident-visibility.js";
import { readIncidentSettings } from "../incidents/incident-settings.js";
import { csamRefusal, getEvidence } from "./evidence.repository.js";
import { readEvidenceFile, sha256Hex, type EvidenceStore } from "./evidence-store.js";

export interface EvidenceContent {
  id: string;
  mediaType: string;
  graphic: boolean;
  sha256: string;
  content: Buffer;
}

/** Records the view and returns the decrypted content, checked against its recorded SHA-256. */
export async function viewEvidence(
  ctx: WriteContext,
  store: EvidenceStore,
  scope: SchoolScope,
  viewer: IncidentViewer,
  ids: { incidentId: string; evidenceId: string },
  reason: string,
): Promise<EvidenceContent> {
  const { evidence } = await getEvidence(ctx.trx, scope, viewer, ids.incidentId, ids.evidenceId);
  if (evidence.csam_locked_at !== null) throw csamRefusal(evidence);
  if (evidence.sensitive === 1 && (await readIncidentSettings(ctx.trx, evidence.school_id)).twoPersonReview) {
    const approvals = await ctx.trx
      .selectFrom("evidence_approvals")
      .select(["approver", "approver_id"])
      .where("evidence_id", "=", evidence.id)
      .execute();
    const me = actorId(ctx.actor);
    // The second person is told apart by account id (names can repeat), by label only for the shell.
    const bySomeoneElse = approvals.some((approval) =>
      me !== null || approval.approver_id !== null
        ? approval.approver_id !== me
        : approval.approver !== ctx.actor.label,
    );
    if (!bySomeoneElse) {
      throw new AppError(
        "evidence_review_required",
        "This evidence is sensitive: a second person must approve viewing it first.",
        {
          hint: "Ask another safeguarding lead to approve it (POST .../approve with a reason).",
        },
      );
    }
  }
  const content = readEvidenceFile(store, evidence.id, evidence.storage_path);
  if (sha256Hex(content) !== evidence.sha256) {
    throw new AppError("conflict", `Evidence ${evidence.id} does not match its recorded SHA-256.`, {
      hint: "Run `vigil audit verify`; restore the evidence file from a backup.",
    });
  }
  await ctx.trx
    .insertInto("evidence_views")
    .values({
      id: randomUUID(),
      evidence_id: evidence.id,
      school_id: evidence.school_id,
      viewer: ctx.actor.label,
      viewer_id: actorId(ctx.actor),
      reason,
      viewed_at: new Date().toISOString(),
    })
    .execute();
  await appendAudit(ctx, {
    event: "evidence.viewed",
    schoolId: evidence.school_id,
    subject: { type: "evidence", id: evidence.id },
    data: { incidentId: evidence.incident_id, reason },
  });
  return {
    id: evidence.id,
    mediaType: evidence.media_type,
    graphic: evidence.graphic === 1,
    sha256: evidence.sha256,
    content,
  };
}
