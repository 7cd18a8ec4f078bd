/**
 * Whether first-run setup is done, and the one-time token that lets the person at the server's
 * console finish it in a browser. Only the token's SHA-256 is stored.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

const completedKey = "setup.completed_at";
const tokenKey = "setup.token_sha256";

/** True once an organisation, school and first administrator exist. */
export async function isSetupComplete(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom("instance_settings")
    .select("value")
    .where("key", "=", completedKey)
    .executeTakeFirst();
  return row !== undefined;
}

/** Makes a new one-time setup token (replacing any earlier one) and returns it. */
export async function issueSetupToken(db: Kysely<Database>): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await putSetting(db, tokenKey, sha256(token));
  return token;
}

/** True when `token` is the current setup token. */
export async function isSetupTokenValid(db: Kysely<Database>, token: string): Promise<boolean> {
  const row = await db
    .selectFrom("instance_settings")
    .select("value")
    .where("key", "=", tokenKey)
    .executeTakeFirst();
  if (!row) return false;
  const expected = Buffer.from(row.value, "hex");
  const given = Buffer.from(sha256(token), "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Records that setup is done and retires the token; runs inside the setup transaction. */
export async function markSetupComplete(trx: Kysely<Database>): Promise<void> {
  await putSetting(trx, completedKey, new Date().toISOString());
  await trx.deleteFrom("instance_settings").where("key", "=", tokenKey).execute();
}

async function putSetting(db: Kysely<Database>, key: string, value: string): Promise<void> {
  const updatedAt = new Date().toISOString();
  await db
    .insertInto("instance_settings")
    .values({ key, value, updated_at: updatedAt })
    .onConflict((conflict) => conflict.column("key").doUpdateSet({ value, updated_at: updatedAt }))
    .execute();
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
