/**
 * An administrator resets a person's two-factor (a lost or new phone): the seed and recovery codes
 * are deleted and every session ends, so the next sign-in must set two-factor up again before
 * anything restricted answers.
 */
import type { WriteContext } from "../../platform/context/write-context.js";
import { appendUserAudit } from "../audit-user-event.js";
import { revokeAllSessions } from "../sessions/revoke-sessions.js";

/** Resets two-factor for `userId`; returns false when none was set up. */
export async function resetTwoFactor(ctx: WriteContext, userId: string): Promise<boolean> {
  const removed = await ctx.trx
    .deleteFrom("two_factor_credentials")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  await ctx.trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  if (removed.numDeletedRows === 0n) return false;
  const sessionsEnded = await revokeAllSessions(ctx, userId);
  await appendUserAudit(ctx, userId, { event: "two-factor.reset", data: { sessionsEnded } });
  return true;
}
