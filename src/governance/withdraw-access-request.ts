/**
 * The person who asked withdraws their request: a pending one is not decided, an approved one
 * ends at once (access should last no longer than it is needed).
 */
import { lockRowsForUpdate } from "../db/row-lock.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";

/** Withdraws the requester's own pending or approved request. */
export async function withdrawAccessRequest(
  ctx: WriteContext,
  input: { schoolId: string; requestId: string; requesterId: string },
  now = new Date(),
): Promise<void> {
  const request = await lockRowsForUpdate(
    ctx.trx
      .selectFrom("access_requests")
      .select(["id", "status", "requester_id", "action"])
      .where("id", "=", input.requestId)
      .where("school_id", "=", input.schoolId),
    ctx.capabilities,
  ).executeTakeFirst();
  if (!request || request.requester_id !== input.requesterId) {
    throw new AppError("not_found", "You have no such access request in this school.");
  }
  if (request.status !== "pending" && request.status !== "approved") {
    throw new AppError("conflict", `This request was already ${request.status}.`);
  }
  await ctx.trx
    .updateTable("access_requests")
    .set({ status: "withdrawn", granted_until: request.status === "approved" ? now.toISOString() : null })
    .where("id", "=", request.id)
    .execute();
  await appendAudit(ctx, {
    event: "access.withdrawn",
    schoolId: input.schoolId,
    subject: { type: "access-request", id: request.id },
    data: { action: request.action, was: request.status },
  });
}
