/**
 * Takes a role away. It applies from the person's next request: roles are read per request, not
 * kept in the session.
 */
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { WriteContext } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import type { Role } from "../roles.js";
import { assertAnotherAdministratorRemains } from "./last-administrator.js";

/**
 * Removes the membership and audits it; refuses when the person does not hold the role there, or
 * is the school's last active administrator.
 */
export async function revokeRole(
  ctx: WriteContext,
  input: { userId: string; schoolId: string; role: Role },
): Promise<void> {
  if (input.role === "administrator") {
    await assertAnotherAdministratorRemains(ctx.trx, input.userId, "revoke", [input.schoolId]);
  }
  const result = await ctx.trx
    .deleteFrom("memberships")
    .where("user_id", "=", input.userId)
    .where("school_id", "=", input.schoolId)
    .where("role", "=", input.role)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw new AppError("not_found", `This person does not hold the role ${input.role} in that school.`);
  }
  await appendAudit(ctx, {
    event: "membership.revoked",
    schoolId: input.schoolId,
    subject: { type: "user", id: input.userId },
    data: { role: input.role },
  });
}
