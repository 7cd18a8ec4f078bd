/**
 * Audit records about a person (sign-ins, lockouts, second factor) go to the chain of each school
 * they belong to, so each school's log shows its own staff; someone with no school yet is
 * recorded on the instance chain.
 */
import type { AuditEntry } from "../platform/audit/append-audit.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";

/** Appends `entry` about `userId` to each of their schools' chains (or the instance chain). */
export async function appendUserAudit(
  ctx: WriteContext,
  userId: string,
  entry: Omit<AuditEntry, "schoolId" | "subject">,
): Promise<void> {
  const memberships = await ctx.trx
    .selectFrom("memberships")
    .select("school_id")
    .distinct()
    .where("user_id", "=", userId)
    .orderBy("school_id")
    .execute();
  const schoolIds = memberships.length > 0 ? memberships.map((row) => row.school_id) : [null];
  for (const schoolId of schoolIds) {
    await appendAudit(ctx, { ...entry, schoolId, subject: { type: "user", id: userId } });
  }
}
