/**
 * Disables an account (a leaver, a compromised account): it cannot sign in, and every open
 * session ends at once. The account and its history stay for the record.
 */
import type { WriteContext } from "../../platform/context/write-context.js";
import { appendUserAudit } from "../audit-user-event.js";
import { revokeAllSessions } from "../sessions/revoke-sessions.js";
import { assertAnotherAdministratorRemains } from "./last-administrator.js";

/**
 * Disables the account and ends its sessions; returns false when it was already disabled. Refuses
 * when the person is the last active administrator of a school.
 */
export async function disableUser(ctx: WriteContext, userId: string): Promise<boolean> {
  await assertAnotherAdministratorRemains(ctx.trx, userId, "disable");
  const result = await ctx.trx
    .updateTable("users")
    .set({ disabled_at: new Date().toISOString() })
    .where("id", "=", userId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  const sessionsEnded = await revokeAllSessions(ctx, userId);
  await appendUserAudit(ctx, userId, { event: "user.disabled", data: { sessionsEnded } });
  return true;
}
