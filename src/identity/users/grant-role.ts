/** Gives a person a role in a school. Granting a role they already hold changes nothing. */
import { randomUUID } from "node:crypto";
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { WriteContext } from "../../platform/context/write-context.js";
import type { Role } from "../roles.js";

/** Adds the membership and audits it; returns false when it already existed. */
export async function grantRole(
  ctx: WriteContext,
  input: { userId: string; schoolId: string; role: Role },
): Promise<boolean> {
  const existing = await ctx.trx
    .selectFrom("memberships")
    .select("id")
    .where("user_id", "=", input.userId)
    .where("school_id", "=", input.schoolId)
    .where("role", "=", input.role)
    .executeTakeFirst();
  if (existing) return false;
  await ctx.trx
    .insertInto("memberships")
    .values({
      id: randomUUID(),
      user_id: input.userId,
      school_id: input.schoolId,
      role: input.role,
      created_at: new Date().toISOString(),
    })
    .execute();
  await appendAudit(ctx, {
    event: "membership.granted",
    schoolId: input.schoolId,
    subject: { type: "user", id: input.userId },
    data: { role: input.role },
  });
  return true;
}
