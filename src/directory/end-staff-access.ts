/**
 * A member of staff who has left loses their Vigil access at once: the account is disabled
 * (which ends every session) through the same command an administrator uses. Someone who still
 * works at another school of the instance keeps the account and loses only this school's roles.
 */
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { disableUser } from "../identity/users/disable-user.js";
import { revokeRole } from "../identity/users/revoke-role.js";
import { isRole } from "../identity/roles.js";

export type AccessEnded = "disabled" | "roles-removed" | "none";

/** Ends `userId`'s access to `schoolId`; names the person when the last-administrator rule refuses. */
export async function endStaffAccess(
  ctx: WriteContext,
  schoolId: string,
  userId: string,
  who: string,
): Promise<AccessEnded> {
  const memberships = await ctx.trx
    .selectFrom("memberships")
    .select(["school_id", "role"])
    .where("user_id", "=", userId)
    .execute();
  const elsewhere = memberships.some((membership) => membership.school_id !== schoolId);
  try {
    if (!elsewhere) return (await disableUser(ctx, userId)) ? "disabled" : "none";
    const here = memberships.filter((membership) => membership.school_id === schoolId);
    for (const { role } of here) if (isRole(role)) await revokeRole(ctx, { userId, schoolId, role });
    return here.length > 0 ? "roles-removed" : "none";
  } catch (error) {
    if (error instanceof AppError && error.id === "conflict") {
      throw new AppError("conflict", `${who} has left, but their access cannot end: ${error.message}`, {
        hint: error.details.hint ?? "Make someone else an administrator first, then import again.",
      });
    }
    throw error;
  }
}
