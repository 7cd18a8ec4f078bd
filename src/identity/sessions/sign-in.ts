/**
 * Signing in with email and password. Every refusal looks the same to the caller (one message,
 * and a password hash is always verified, against a dummy when there is no such account), so
 * the answer never tells whether an account exists, is disabled or is locked. Failures count
 * towards lockout and are audited; the records are committed before the refusal is thrown.
 */
import { randomBytes } from "node:crypto";
import type { VigilDatabase } from "../../db/open-database.js";
import { lockRowsForUpdate } from "../../db/row-lock.js";
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { Actor } from "../../platform/context/actor.js";
import { inTransaction, type WriteContext } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import { hasExpired } from "../account-expiry.js";
import { appendUserAudit } from "../audit-user-event.js";
import { recordFailedAttempt } from "../record-failed-attempt.js";
import { lockStateOf } from "../lockout.js";
import { hashPassword, verifyPassword } from "../password.js";
import { createSession, type IssuedSession } from "./create-session.js";

export interface SignInSettings {
  lockoutMinutes: number;
  sessionLifetimeHours: number;
}

let dummyHash: Promise<string> | undefined;

/** Checks the password and starts a session; throws `sign_in_failed` for every kind of refusal. */
export async function signIn(
  database: VigilDatabase,
  who: { actor: Actor; ip: string | null; userAgent: string | null },
  input: { email: string; password: string },
  settings: SignInSettings,
): Promise<IssuedSession & { userId: string }> {
  const email = input.email.toLowerCase();
  const stored = await database.db
    .selectFrom("users")
    .select("password_hash")
    .where("email", "=", email)
    .executeTakeFirst();
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const passwordMatches = await verifyPassword(stored?.password_hash ?? (await dummyHash), input.password);
  const outcome = await inTransaction(database, who, async (ctx) => {
    const found = await lockRowsForUpdate(
      ctx.trx.selectFrom("users").selectAll().where("email", "=", email),
      ctx.capabilities,
    ).executeTakeFirst();
    if (!found) {
      await appendAudit(ctx, {
        event: "user.sign-in-failed",
        schoolId: null,
        data: { email, reason: "unknown-account" },
      });
      return undefined;
    }
    const user = await reopenExpiredLock(ctx, found, settings.lockoutMinutes);
    const refusedBecause = refusal(user, passwordMatches, settings);
    if (refusedBecause) {
      await recordFailedAttempt(ctx, user, refusedBecause, "user.sign-in-failed");
      return undefined;
    }
    const now = new Date().toISOString();
    await ctx.trx
      .updateTable("users")
      .set({ failed_sign_ins: 0, locked_at: null, last_sign_in_at: now })
      .where("id", "=", user.id)
      .execute();
    const userCtx = { ...ctx, actor: userActor(user) };
    const session = await createSession(userCtx, {
      userId: user.id,
      lifetimeHours: settings.sessionLifetimeHours,
      userAgent: who.userAgent,
    });
    await appendUserAudit(userCtx, user.id, {
      event: "user.signed-in",
      data: { sessionId: session.sessionId, method: "password" },
    });
    return { ...session, userId: user.id };
  });
  if (!outcome) throw signInFailed();
  return outcome;
}

function refusal(
  user: {
    disabled_at: string | null;
    expires_at: string | null;
    locked_at: string | null;
    password_hash: string | null;
  },
  passwordMatches: boolean,
  settings: SignInSettings,
): "disabled" | "expired" | "locked" | "wrong-password" | undefined {
  if (user.disabled_at !== null) return "disabled";
  if (hasExpired(user)) return "expired";
  if (lockStateOf(user, settings.lockoutMinutes) === "locked") return "locked";
  if (user.password_hash === null || !passwordMatches) return "wrong-password";
  return undefined;
}

/** Opens an account whose lock has run its time, audited; returns the row as it now is. */
export async function reopenExpiredLock<
  T extends { id: string; locked_at: string | null; failed_sign_ins: number },
>(ctx: WriteContext, user: T, lockoutMinutes: number): Promise<T> {
  if (lockStateOf(user, lockoutMinutes) !== "lock-expired") return user;
  await ctx.trx
    .updateTable("users")
    .set({ failed_sign_ins: 0, locked_at: null })
    .where("id", "=", user.id)
    .execute();
  await appendUserAudit(ctx, user.id, { event: "user.unlocked", data: { reason: "lockout-expired" } });
  return { ...user, failed_sign_ins: 0, locked_at: null };
}

/** The audit actor for a person. */
export function userActor(user: { id: string; email: string; display_name: string }): Actor {
  return { kind: "user", id: user.id, label: `${user.display_name} <${user.email}>` };
}

function signInFailed(): AppError {
  return new AppError("sign_in_failed", "The email address or password is not right.", {
    hint: "Check both and try again. After 5 failed attempts in a row the account is locked for a while; an administrator can unlock it.",
  });
}
