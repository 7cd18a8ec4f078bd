/**
 * Starts a browser session after a correct password. The cookie carries a random token; the
 * database keeps only its SHA-256, so a copy of the database cannot be used to sign in.
 */
import { randomUUID } from "node:crypto";
import type { WriteContext } from "../../platform/context/write-context.js";
import { hashSecret, newSecret } from "../secret-token.js";

export interface IssuedSession {
  sessionId: string;
  /** The cookie value; shown once, never stored. */
  token: string;
  /** Sent back in the `x-csrf-token` header on every state-changing request. */
  csrfToken: string;
  expiresAt: string;
}

/** Inserts a session for `userId`, ending at the latest `lifetimeHours` from now. */
export async function createSession(
  ctx: WriteContext,
  input: { userId: string; lifetimeHours: number; userAgent: string | null },
): Promise<IssuedSession> {
  const now = new Date();
  const session: IssuedSession = {
    sessionId: randomUUID(),
    token: newSecret("vs_"),
    csrfToken: newSecret("", 24),
    expiresAt: new Date(now.getTime() + input.lifetimeHours * 3_600_000).toISOString(),
  };
  await ctx.trx
    .insertInto("sessions")
    .values({
      id: session.sessionId,
      user_id: input.userId,
      token_hash: hashSecret(session.token),
      csrf_token: session.csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: session.expiresAt,
      ip: ctx.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return session;
}
