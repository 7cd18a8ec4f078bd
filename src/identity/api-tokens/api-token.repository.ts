/** Reads API tokens (never their hashes) within the caller's scope, and finds one by its secret. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { tokenScopes, type TokenScope } from "../../platform/authz/policy-table.js";
import { schoolInScope, type SchoolScope } from "../../schools/school-scope.js";
import { hashSecret } from "../secret-token.js";

const listed = [
  "id",
  "school_id",
  "name",
  "scopes",
  "created_by",
  "created_at",
  "last_used_at",
  "revoked_at",
] as const;
const touchEveryMs = 60_000;

/** The tokens of the schools in scope, newest first. */
export async function findApiTokens(db: Kysely<Database>, scope: SchoolScope) {
  return db
    .selectFrom("api_tokens")
    .select(listed)
    .where((eb) => schoolInScope(eb, "api_tokens.school_id", scope))
    .orderBy("created_at", "desc")
    .execute();
}

/** One token in scope, or undefined. */
export async function findApiToken(db: Kysely<Database>, scope: SchoolScope, id: string) {
  return db
    .selectFrom("api_tokens")
    .select(listed)
    .where("id", "=", id)
    .where((eb) => schoolInScope(eb, "api_tokens.school_id", scope))
    .executeTakeFirst();
}

/** The live token with this secret, recording its use (at most once a minute); undefined if none. */
export async function resolveApiToken(db: Kysely<Database>, secret: string, now = new Date()) {
  const token = await db
    .selectFrom("api_tokens")
    .select(listed)
    .where("token_hash", "=", hashSecret(secret))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!token) return undefined;
  if (token.last_used_at === null || now.getTime() - Date.parse(token.last_used_at) >= touchEveryMs) {
    await db
      .updateTable("api_tokens")
      .set({ last_used_at: now.toISOString() })
      .where("id", "=", token.id)
      .execute();
  }
  return { ...token, scopes: parseScopes(token.scopes) };
}

/** The known scopes in a stored scope list (an unknown one grants nothing). */
export function parseScopes(stored: string): TokenScope[] {
  const parsed: unknown = JSON.parse(stored);
  if (!Array.isArray(parsed)) return [];
  return tokenScopes.filter((scope) => parsed.includes(scope));
}
