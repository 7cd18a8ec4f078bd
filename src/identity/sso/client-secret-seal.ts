/**
 * Identity providers' client secrets are sealed (src/platform/secrets) under a key derived from
 * the instance's evidence key, with the provider id as additional data: a copy of the database
 * alone cannot reveal a school's client secret. Stored form: `VGS1.` + base64.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { loadEvidenceKey } from "../../evidence/evidence-key.js";
import type { Config } from "../../platform/config/settings.js";
import { AppError } from "../../platform/errors/app-error.js";
import { deriveSealKey, openSecret, sealSecret } from "../../platform/secrets/sealed-secret.js";

const prefix = "VGS1.";

export type SealConfig = Pick<Config, "dataDir" | "evidenceKey" | "evidenceKeyFile">;

/** The key that seals client secrets, derived from the evidence key. */
export async function clientSecretKey(db: Kysely<Database>, config: SealConfig): Promise<Buffer> {
  return deriveSealKey(await loadEvidenceKey(db, config), "vigil sso client secret v1");
}

/** Seals `secret` for provider `providerId`. */
export function sealClientSecret(key: Buffer, providerId: string, secret: string): string {
  return sealSecret(key, prefix, providerId, secret);
}

/** Opens a sealed secret; refuses one that was altered, moved, or sealed under another key. */
export function openClientSecret(key: Buffer, providerId: string, sealed: string): string {
  const secret = openSecret(key, prefix, providerId, sealed);
  if (secret === undefined) {
    throw new AppError("conflict", `The client secret of identity provider ${providerId} cannot be opened.`, {
      hint: "It was altered or the evidence key changed. Remove the provider (`vigil sso remove`) and add it again with its secret.",
    });
  }
  return secret;
}
