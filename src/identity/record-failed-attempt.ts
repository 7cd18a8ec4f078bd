/**
 * Counts a failed sign-in or second-factor attempt against an account, locks it on the fifth in
 * a row, and audits both. Runs in the caller's transaction with the user row already locked.
 */
import type { AuditEvent } from "../platform/audit/audit-event.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { appendUserAudit } from "./audit-user-event.js";
import { maxFailedSignIns } from "./lockout.js";

/** Records the failure; returns true when this attempt locked the account. */
export async function recordFailedAttempt(
  ctx: WriteContext,
  user: { id: string; failed_sign_ins: number; locked_at: string | null },
  reason: string,
  event: Extract<AuditEvent, "user.sign-in-failed" | "two-factor.failed">,
): Promise<boolean> {
  // Attempts on a disabled or still-locked account are audited but do not extend the lock.
  const counts = reason === "wrong-password" || reason === "wrong-code";
  const failures = counts ? user.failed_sign_ins + 1 : user.failed_sign_ins;
  const locks = counts && failures >= maxFailedSignIns && user.locked_at === null;
  if (counts) {
    await ctx.trx
      .updateTable("users")
      .set({ failed_sign_ins: failures, ...(locks ? { locked_at: new Date().toISOString() } : {}) })
      .where("id", "=", user.id)
      .execute();
  }
  await appendUserAudit(ctx, user.id, { event, data: { reason, consecutiveFailures: failures } });
  if (locks) await appendUserAudit(ctx, user.id, { event: "user.locked", data: { failures } });
  return locks;
}
