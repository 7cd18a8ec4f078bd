/** Ends sessions: one (sign out, or from the list of my sessions), or all of a person's. */
import type { WriteContext } from "../../platform/context/write-context.js";
import { appendUserAudit } from "../audit-user-event.js";

/** Ends one of `userId`'s sessions; false when there is no such open session. */
export async function revokeSession(
  ctx: WriteContext,
  input: { userId: string; sessionId: string; reason: "signed-out" | "revoked" },
): Promise<boolean> {
  const result = await ctx.trx
    .updateTable("sessions")
    .set({ revoked_at: new Date().toISOString() })
    .where("id", "=", input.sessionId)
    .where("user_id", "=", input.userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await appendUserAudit(ctx, input.userId, {
    event: input.reason === "signed-out" ? "user.signed-out" : "session.revoked",
    data: { sessionId: input.sessionId },
  });
  return true;
}

/** Ends every open session of `userId`; returns how many were ended. Audited by the caller's event. */
export async function revokeAllSessions(ctx: WriteContext, userId: string): Promise<number> {
  const result = await ctx.trx
    .updateTable("sessions")
    .set({ revoked_at: new Date().toISOString() })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
