/**
 * Turning on two-factor, step one: a new secret and its `otpauth://` URI for the authenticator
 * app. It is not used for sign-in until a code from the app confirms it (confirm-two-factor.ts).
 */
import type { WriteContext } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import { appendUserAudit } from "../audit-user-event.js";
import { newTotpSecret, otpauthUri } from "./totp.js";
import { sealTotpSecret } from "./totp-secret-seal.js";

/** Starts (or restarts) enrolment; refuses when two-factor is already on. The seed is stored sealed. */
export async function enrolTwoFactor(
  ctx: WriteContext,
  user: { id: string; email: string },
  sealKey: Buffer,
): Promise<{ secret: string; otpauthUri: string }> {
  const existing = await ctx.trx
    .selectFrom("two_factor_credentials")
    .select("confirmed_at")
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  if (existing?.confirmed_at) {
    throw new AppError("conflict", "Two-factor sign-in is already on for this account.", {
      hint: "To move it to a new phone, ask an administrator to reset it (`vigil user reset-two-factor`).",
    });
  }
  const secret = newTotpSecret();
  const sealed = sealTotpSecret(sealKey, user.id, secret);
  const now = new Date().toISOString();
  await ctx.trx
    .insertInto("two_factor_credentials")
    .values({ user_id: user.id, secret: sealed, confirmed_at: null, last_used_step: null, created_at: now })
    .onConflict((conflict) => conflict.column("user_id").doUpdateSet({ secret: sealed, created_at: now }))
    .execute();
  await appendUserAudit(ctx, user.id, { event: "two-factor.enrolment-started" });
  return { secret, otpauthUri: otpauthUri(secret, user.email) };
}
