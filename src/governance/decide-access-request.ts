/**
 * The SIRO's decision on a request for access beyond a role: approved (perhaps for less time than
 * asked) or refused, with the reason, recorded and audited. Nobody decides their own request.
 */
import type { AccessDecisionInput } from "../contracts/access-governance.contract.js";
import { lockRowsForUpdate } from "../db/row-lock.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";

/** Decides a pending request of `schoolId`; returns the new status and, if approved, until when. */
export async function decideAccessRequest(
  ctx: WriteContext,
  input: { schoolId: string; requestId: string; deciderId: string } & AccessDecisionInput,
  now = new Date(),
): Promise<{ status: "approved" | "refused"; grantedUntil: string | null }> {
  const request = await lockRowsForUpdate(
    ctx.trx
      .selectFrom("access_requests")
      .selectAll()
      .where("id", "=", input.requestId)
      .where("school_id", "=", input.schoolId),
    ctx.capabilities,
  ).executeTakeFirst();
  if (!request) throw new AppError("not_found", "There is no such access request in this school.");
  if (request.requester_id === input.deciderId) {
    throw new AppError("forbidden", "Nobody may decide their own request for access.", {
      hint: "Another person who approves access in this school must decide it.",
    });
  }
  if (request.status !== "pending") {
    throw new AppError("conflict", `This request was already ${request.status}.`);
  }
  let grantedUntil: string | null = null;
  if (input.decision === "approve") {
    const until = input.until ? new Date(input.until) : new Date(request.requested_until);
    if (until.getTime() > Date.parse(request.requested_until)) {
      throw untilProblem("Access can be approved for at most as long as was asked for.");
    }
    if (until.getTime() <= now.getTime()) throw untilProblem("Until must be in the future.");
    grantedUntil = until.toISOString();
  }
  const status = input.decision === "approve" ? "approved" : "refused";
  await ctx.trx
    .updateTable("access_requests")
    .set({
      status,
      decided_by: input.deciderId,
      decided_at: now.toISOString(),
      decision_reason: input.reason,
      granted_until: grantedUntil,
    })
    .where("id", "=", request.id)
    .execute();
  await appendAudit(ctx, {
    event: status === "approved" ? "access.approved" : "access.refused",
    schoolId: input.schoolId,
    subject: { type: "access-request", id: request.id },
    data: {
      requesterId: request.requester_id,
      action: request.action,
      reason: input.reason,
      grantedUntil,
    },
  });
  return { status, grantedUntil };
}

function untilProblem(message: string): AppError {
  return new AppError("validation_failed", message, { fields: [{ path: "until", message }] });
}
