/**
 * Two-factor seeds are sealed (src/platform/secrets) under a key derived from the instance's
 * evidence key, with the user id as additional data: a stolen copy of the database cannot mint
 * anyone's codes. Seeds stored in clear by earlier versions still open, and are sealed again the
 * next time they are used.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { loadEvidenceKey } from "../../evidence/evidence-key.js";
import type { Config } from "../../platform/config/settings.js";
import { AppError } from "../../platform/errors/app-error.js";
import { deriveSealKey, isSealed, openSecret, sealSecret } from "../../platform/secrets/sealed-secret.js";

const prefix = "VGT1.";

/** The key that seals two-factor seeds, derived from the evidence key. */
export async function totpSecretKey(
  db: Kysely<Database>,
  config: Pick<Config, "dataDir" | "evidenceKey" | "evidenceKeyFile">,
): Promise<Buffer> {
  return deriveSealKey(await loadEvidenceKey(db, config), "vigil totp secret v1");
}

/** Seals a base32 seed for `userId`. */
export function sealTotpSecret(key: Buffer, userId: string, secret: string): string {
  return sealSecret(key, prefix, userId, secret);
}

/** The base32 seed, from its stored form; `resealed` is set when it was stored in clear. */
export function openTotpSecret(
  key: Buffer,
  userId: string,
  stored: string,
): { secret: string; resealed: string | null } {
  if (!isSealed(prefix, stored)) return { secret: stored, resealed: sealTotpSecret(key, userId, stored) };
  const secret = openSecret(key, prefix, userId, stored);
  if (secret === undefined) {
    throw new AppError("conflict", "This account's two-factor seed cannot be opened.", {
      hint: "It was altered or the evidence key changed. An administrator can reset two-factor for the account; then set it up again.",
    });
  }
  return { secret, resealed: null };
}
