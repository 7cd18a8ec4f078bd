/**
 * The second step of signing in: a code from the authenticator app, or one recovery code. Wrong
 * codes count towards the same lockout as wrong passwords, so six digits cannot be guessed.
 */
import type { VigilDatabase } from "../../db/open-database.js";
import { lockRowsForUpdate } from "../../db/row-lock.js";
import type { Actor } from "../../platform/context/actor.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import { appendUserAudit } from "../audit-user-event.js";
import { lockStateOf } from "../lockout.js";
import { recordFailedAttempt } from "../record-failed-attempt.js";
import { reopenExpiredLock } from "../sessions/sign-in.js";
import { consumeRecoveryCode, countRecoveryCodes, isRecoveryCodeShape } from "./recovery-codes.js";
import { matchTotp } from "./totp.js";
import { openTotpSecret } from "./totp-secret-seal.js";

export type SecondFactorMethod = "totp" | "recovery-code";

/** Marks the session verified; throws `second_factor_invalid` (after auditing) when the code is wrong. */
export async function verifySecondFactor(
  database: VigilDatabase,
  who: { actor: Actor; ip: string | null },
  input: { userId: string; sessionId: string; code: string },
  settings: { lockoutMinutes: number; sealKey: Buffer },
): Promise<{ method: SecondFactorMethod; recoveryCodesLeft: number }> {
  const outcome = await inTransaction(database, who, async (ctx) => {
    const found = await lockRowsForUpdate(
      ctx.trx.selectFrom("users").selectAll().where("id", "=", input.userId),
      ctx.capabilities,
    ).executeTakeFirstOrThrow();
    const credential = await ctx.trx
      .selectFrom("two_factor_credentials")
      .selectAll()
      .where("user_id", "=", input.userId)
      .where("confirmed_at", "is not", null)
      .executeTakeFirst();
    if (!credential) {
      throw new AppError("conflict", "Two-factor sign-in is not set up for this account.", {
        hint: "Set it up with POST /api/v1/auth/two-factor/enrol.",
      });
    }
    const user = await reopenExpiredLock(ctx, found, settings.lockoutMinutes);
    if (lockStateOf(user, settings.lockoutMinutes) === "locked") {
      await recordFailedAttempt(ctx, user, "locked", "two-factor.failed");
      return undefined;
    }
    const method: SecondFactorMethod = isRecoveryCodeShape(input.code) ? "recovery-code" : "totp";
    const { secret, resealed } = openTotpSecret(settings.sealKey, input.userId, credential.secret);
    const step = method === "totp" ? matchTotp(secret, input.code, credential.last_used_step) : undefined;
    const accepted =
      method === "totp" ? step !== undefined : await consumeRecoveryCode(ctx, input.userId, input.code);
    if (!accepted) {
      await recordFailedAttempt(ctx, user, "wrong-code", "two-factor.failed");
      return undefined;
    }
    const now = new Date().toISOString();
    if (step !== undefined || resealed !== null) {
      await ctx.trx
        .updateTable("two_factor_credentials")
        .set({
          ...(step === undefined ? {} : { last_used_step: step }),
          ...(resealed === null ? {} : { secret: resealed }),
        })
        .where("user_id", "=", input.userId)
        .execute();
    }
    await ctx.trx.updateTable("users").set({ failed_sign_ins: 0 }).where("id", "=", input.userId).execute();
    await ctx.trx
      .updateTable("sessions")
      .set({ second_factor_at: now })
      .where("id", "=", input.sessionId)
      .execute();
    const recoveryCodesLeft = await countRecoveryCodes(ctx, input.userId);
    await appendUserAudit(ctx, input.userId, {
      event: method === "totp" ? "two-factor.verified" : "two-factor.recovery-code-used",
      data: { sessionId: input.sessionId, recoveryCodesLeft },
    });
    return { method, recoveryCodesLeft };
  });
  if (!outcome) {
    throw new AppError("second_factor_invalid", "That code is not right.", {
      fields: [{ path: "code", message: "The code is not right, or was already used" }],
      hint: "Type the code your authenticator app shows now, or one of your unused recovery codes.",
    });
  }
  return outcome;
}
