/**
 * Turning on two-factor, step two: a code from the app proves it holds the secret. The secret is
 * then in force, the current session counts as verified, and ten recovery codes are issued.
 */
import type { WriteContext } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import { appendUserAudit } from "../audit-user-event.js";
import { issueRecoveryCodes } from "./recovery-codes.js";
import { matchTotp } from "./totp.js";
import { openTotpSecret } from "./totp-secret-seal.js";

/** Confirms enrolment with a code; returns the recovery codes, shown once. */
export async function confirmTwoFactor(
  ctx: WriteContext,
  input: { userId: string; sessionId: string; code: string },
  sealKey: Buffer,
): Promise<string[]> {
  const credential = await ctx.trx
    .selectFrom("two_factor_credentials")
    .selectAll()
    .where("user_id", "=", input.userId)
    .executeTakeFirst();
  if (!credential) {
    throw new AppError("conflict", "Two-factor set-up has not been started.", {
      hint: "Start with POST /api/v1/auth/two-factor/enrol.",
    });
  }
  if (credential.confirmed_at) {
    throw new AppError("conflict", "Two-factor sign-in is already on for this account.");
  }
  const { secret } = openTotpSecret(sealKey, input.userId, credential.secret);
  const step = matchTotp(secret, input.code, null);
  if (step === undefined) {
    throw new AppError("second_factor_invalid", "That code is not right.", {
      fields: [{ path: "code", message: "The code from your authenticator app is not right" }],
      hint: "Check the phone's clock, and type the code shown now.",
    });
  }
  const now = new Date().toISOString();
  await ctx.trx
    .updateTable("two_factor_credentials")
    .set({ confirmed_at: now, last_used_step: step })
    .where("user_id", "=", input.userId)
    .execute();
  await ctx.trx
    .updateTable("sessions")
    .set({ second_factor_at: now })
    .where("id", "=", input.sessionId)
    .execute();
  const codes = await issueRecoveryCodes(ctx, input.userId);
  await appendUserAudit(ctx, input.userId, {
    event: "two-factor.enabled",
    data: { recoveryCodes: codes.length },
  });
  return codes;
}
