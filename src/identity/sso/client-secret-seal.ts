/**
 * Client secrets are sealed with AES-256-GCM under a key derived (HKDF-SHA256) from the instance's
 * evidence key, which never enters the database: a copy of the database alone cannot reveal a
 * school's client secret. The provider id is the additional data, so a secret moved onto another
 * provider row fails to open. Stored form: `VGS1.` + base64(nonce | tag | ciphertext).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { loadEvidenceKey } from "../../evidence/evidence-key.js";
import type { Config } from "../../platform/config/settings.js";
import { AppError } from "../../platform/errors/app-error.js";

const prefix = "VGS1.";
const nonceLength = 12;
const tagLength = 16;

export type SealConfig = Pick<Config, "dataDir" | "evidenceKey" | "evidenceKeyFile">;

/** The key that seals client secrets, derived from the evidence key. */
export async function clientSecretKey(db: Kysely<Database>, config: SealConfig): Promise<Buffer> {
  const evidenceKey = await loadEvidenceKey(db, config);
  return Buffer.from(hkdfSync("sha256", evidenceKey, Buffer.alloc(0), "vigil sso client secret v1", 32));
}

/** Seals `secret` for provider `providerId`. */
export function sealClientSecret(key: Buffer, providerId: string, secret: string): string {
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: tagLength });
  cipher.setAAD(Buffer.from(providerId));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return prefix + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64");
}

/** Opens a sealed secret; refuses one that was altered, moved, or sealed under another key. */
export function openClientSecret(key: Buffer, providerId: string, sealed: string): string {
  const raw = sealed.startsWith(prefix)
    ? Buffer.from(sealed.slice(prefix.length), "base64")
    : Buffer.alloc(0);
  if (raw.length < nonceLength + tagLength) throw cannotOpen(providerId);
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, nonceLength), {
    authTagLength: tagLength,
  });
  decipher.setAAD(Buffer.from(providerId));
  decipher.setAuthTag(raw.subarray(nonceLength, nonceLength + tagLength));
  try {
    return Buffer.concat([decipher.update(raw.subarray(nonceLength + tagLength)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw cannotOpen(providerId);
  }
}

function cannotOpen(providerId: string): AppError {
  return new AppError("conflict", `The client secret of identity provider ${providerId} cannot be opened.`, {
    hint: "It was altered or the evidence key changed. Remove the provider (`vigil sso remove`) and add it again with its secret.",
  });
}
