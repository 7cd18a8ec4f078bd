/**
 * Sets or clears when an account ends by itself (guest and supply staff). Setting a time in the
 * past is refused: to end an account now, disable it.
 */
import type { WriteContext } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import { appendUserAudit } from "../audit-user-event.js";

/** Records the expiry (or `null` for none) and audits it. */
export async function setAccountExpiry(
  ctx: WriteContext,
  input: { userId: string; expiresAt: string | null },
  now = new Date(),
): Promise<void> {
  if (input.expiresAt !== null && Date.parse(input.expiresAt) <= now.getTime()) {
    throw new AppError("validation_failed", "The expiry must be in the future.", {
      fields: [{ path: "expiresAt", message: "The expiry must be in the future" }],
      hint: "To end an account now, disable it instead.",
    });
  }
  await ctx.trx
    .updateTable("users")
    .set({ expires_at: input.expiresAt })
    .where("id", "=", input.userId)
    .execute();
  await appendUserAudit(ctx, input.userId, {
    event: "user.expiry-set",
    data: { expiresAt: input.expiresAt },
  });
}
