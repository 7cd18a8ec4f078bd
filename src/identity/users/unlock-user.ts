/** An administrator opens an account locked by failed sign-ins, and clears the failure count. */
import type { WriteContext } from "../../platform/context/write-context.js";
import { appendUserAudit } from "../audit-user-event.js";

/** Unlocks the account; returns whether it was locked. Audited either way: someone asked. */
export async function unlockUser(ctx: WriteContext, userId: string): Promise<boolean> {
  const user = await ctx.trx
    .selectFrom("users")
    .select(["locked_at", "failed_sign_ins"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  await ctx.trx
    .updateTable("users")
    .set({ locked_at: null, failed_sign_ins: 0 })
    .where("id", "=", userId)
    .execute();
  const wasLocked = user.locked_at !== null;
  await appendUserAudit(ctx, userId, {
    event: "user.unlocked",
    data: { reason: "by-administrator", wasLocked, failures: user.failed_sign_ins },
  });
  return wasLocked;
}
