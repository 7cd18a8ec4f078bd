/** Revokes an API token: it stops working at once; the row stays for the record. */
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { WriteContext } from "../../platform/context/write-context.js";

/** Revokes the token; false when it was already revoked. */
export async function revokeApiToken(
  ctx: WriteContext,
  token: { id: string; school_id: string; name: string },
): Promise<boolean> {
  const result = await ctx.trx
    .updateTable("api_tokens")
    .set({ revoked_at: new Date().toISOString() })
    .where("id", "=", token.id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await appendAudit(ctx, {
    event: "api-token.revoked",
    schoolId: token.school_id,
    subject: { type: "api-token", id: token.id },
    data: { name: token.name },
  });
  return true;
}
