/**
 * Secrets Vigil must keep but must not hold in clear in the database (identity providers' client
 * secrets, two-factor seeds): sealed with AES-256-GCM under a key derived (HKDF-SHA256) for one
 * purpose from a master key that never enters the database, with the owning row's id as additional
 * data, so a copy of the database reveals nothing and a sealed value moved to another row fails to
 * open. Stored form: `<prefix>` + base64(nonce | tag | ciphertext).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const nonceLength = 12;
const tagLength = 16;

/** A 32-byte key for one purpose (its label), derived from the master key. */
export function deriveSealKey(masterKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), purpose, 32));
}

/** Seals `secret` for the row `ownerId`, marked with `prefix`. */
export function sealSecret(key: Buffer, prefix: string, ownerId: string, secret: string): string {
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: tagLength });
  cipher.setAAD(Buffer.from(ownerId));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return prefix + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString("base64");
}

/** True when `stored` is a value sealed with `prefix`. */
export function isSealed(prefix: string, stored: string): boolean {
  return stored.startsWith(prefix);
}

/** Opens a sealed value; undefined when it was altered, moved to another row, or sealed under another key. */
export function openSecret(key: Buffer, prefix: string, ownerId: string, sealed: string): string | undefined {
  const raw = isSealed(prefix, sealed) ? Buffer.from(sealed.slice(prefix.length), "base64") : Buffer.alloc(0);
  if (raw.length < nonceLength + tagLength) return undefined;
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, nonceLength), {
    authTagLength: tagLength,
  });
  decipher.setAAD(Buffer.from(ownerId));
  decipher.setAuthTag(raw.subarray(nonceLength, nonceLength + tagLength));
  try {
    return Buffer.concat([decipher.update(raw.subarray(nonceLength + tagLength)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return undefined;
  }
}
