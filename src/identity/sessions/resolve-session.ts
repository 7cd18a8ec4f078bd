/**
 * Finds the live session for a cookie token: not revoked, within its absolute lifetime, used
 * within the idle timeout, and its person not disabled. Records the use at most once a minute.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { hasExpired } from "../account-expiry.js";
import { hashSecret } from "../secret-token.js";

const touchEveryMs = 60_000;

export interface SessionTimeouts {
  idleMinutes: number;
}

/** The session and its person, or undefined when the token is unknown or the session is over. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  timeouts: SessionTimeouts,
  now = new Date(),
) {
  const found = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id",
      "sessions.csrf_token",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "sessions.second_factor_at",
      "sessions.revoked_at",
      "users.id as user_id",
      "users.email",
      "users.display_name",
      "users.disabled_at",
      "users.expires_at as account_expires_at",
    ])
    .where("sessions.token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  if (!found || found.revoked_at !== null || found.disabled_at !== null) return undefined;
  if (hasExpired({ expires_at: found.account_expires_at }, now)) return undefined;
  const idleUntil = Date.parse(found.last_seen_at) + timeouts.idleMinutes * 60_000;
  if (now.getTime() >= Date.parse(found.expires_at) || now.getTime() >= idleUntil) return undefined;
  if (now.getTime() - Date.parse(found.last_seen_at) >= touchEveryMs) {
    await db
      .updateTable("sessions")
      .set({ last_seen_at: now.toISOString() })
      .where("id", "=", found.id)
      .execute();
  }
  return found;
}

/** A person's sessions not signed out and within their lifetime, most recently used first. */
export async function findOpenSessions(db: Kysely<Database>, userId: string, now = new Date()) {
  return db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "expires_at", "ip", "user_agent", "second_factor_at"])
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .orderBy("last_seen_at", "desc")
    .execute();
}
