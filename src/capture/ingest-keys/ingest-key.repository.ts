/** Reads ingest keys (never their hashes) within the caller's scope, and resolves a presented key. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { hashSecret } from "../../identity/secret-token.js";
import { schoolInScope, type SchoolScope } from "../../schools/school-scope.js";

const listed = [
  "id",
  "school_id",
  "name",
  "key_prefix",
  "created_by",
  "created_at",
  "last_used_at",
  "revoked_at",
  "revoked_by",
] as const;

/** Record a key's use at most this often: a busy sender must not turn every batch into a write. */
const touchEveryMs = 60_000;

export type ResolvedIngestKey =
  | { status: "unknown" }
  | { status: "revoked"; id: string; schoolId: string; revokedAt: string }
  | { status: "live"; id: string; schoolId: string; name: string };

/** The keys of the schools in scope, newest first. */
export async function findIngestKeys(db: Kysely<Database>, scope: SchoolScope) {
  return db
    .selectFrom("ingest_keys")
    .select(listed)
    .where((eb) => schoolInScope(eb, "ingest_keys.school_id", scope))
    .orderBy("created_at", "desc")
    .execute();
}

/** One key in scope, or undefined. */
export async function findIngestKey(db: Kysely<Database>, scope: SchoolScope, id: string) {
  return db
    .selectFrom("ingest_keys")
    .select(listed)
    .where("id", "=", id)
    .where((eb) => schoolInScope(eb, "ingest_keys.school_id", scope))
    .executeTakeFirst();
}

/** What a presented key is; a live key's use is recorded (at most once a minute). */
export async function resolveIngestKey(
  db: Kysely<Database>,
  secret: string,
  now = new Date(),
): Promise<ResolvedIngestKey> {
  const key = await db
    .selectFrom("ingest_keys")
    .select(["id", "school_id", "name", "last_used_at", "revoked_at"])
    .where("key_hash", "=", hashSecret(secret))
    .executeTakeFirst();
  if (!key) return { status: "unknown" };
  if (key.revoked_at !== null) {
    return { status: "revoked", id: key.id, schoolId: key.school_id, revokedAt: key.revoked_at };
  }
  if (key.last_used_at === null || now.getTime() - Date.parse(key.last_used_at) >= touchEveryMs) {
    await db
      .updateTable("ingest_keys")
      .set({ last_used_at: now.toISOString() })
      .where("id", "=", key.id)
      .execute();
  }
  return { status: "live", id: key.id, schoolId: key.school_id, name: key.name };
}
