/** Ends a school override before its expiry, audited; the row is kept for the record. */
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";

/** Revokes override `id` if it is in scope and still in force. */
export async function revokeDetectionOverride(
  ctx: WriteContext,
  scope: SchoolScope,
  id: string,
  reason: string,
): Promise<void> {
  const row = await ctx.trx
    .selectFrom("detection_overrides")
    .select(["school_id", "revoked_at"])
    .where("id", "=", id)
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", `There is no override ${id} in your schools.`);
  if (row.revoked_at !== null)
    throw new AppError("conflict", `Override ${id} was already revoked at ${row.revoked_at}.`);
  const now = new Date().toISOString();
  await ctx.trx
    .updateTable("detection_overrides")
    .set({ revoked_at: now, revoked_by: ctx.actor.label })
    .where("id", "=", id)
    .execute();
  await appendAudit(ctx, {
    event: "detection-override.revoked",
    schoolId: row.school_id,
    subject: { type: "detection-override", id },
    data: { reason },
  });
}
