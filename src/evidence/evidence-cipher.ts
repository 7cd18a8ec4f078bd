/**
 * AES-256-GCM for evidence files: `VGE1` | 96-bit random nonce | 128-bit tag | ciphertext. The
 * evidence id is the additional data, so a file swapped onto another item fails to decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "../platform/errors/app-error.js";

const magic = Buffer.from("VGE1");
const nonceLength = 12;
const tagLength = 16;

/** Encrypts `plain` for evidence `id`. */
export function encryptEvidence(key: Buffer, id: string, plain: Buffer): Buffer {
  const nonce = randomBytes(nonceLength);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: tagLength });
  cipher.setAAD(Buffer.from(id));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([magic, nonce, cipher.getAuthTag(), body]);
}

/** Decrypts a stored file; refuses (never returns altered bytes) when it was changed. */
export function decryptEvidence(key: Buffer, id: string, stored: Buffer): Buffer {
  const header = magic.length + nonceLength + tagLength;
  if (stored.length < header || !stored.subarray(0, magic.length).equals(magic)) {
    throw tampered(id);
  }
  const nonce = stored.subarray(magic.length, magic.length + nonceLength);
  const tag = stored.subarray(magic.length + nonceLength, header);
  const decipher = createDecipheriv("aes-256-gcm", key, nonce, { authTagLength: tagLength });
  decipher.setAAD(Buffer.from(id));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(stored.subarray(header)), decipher.final()]);
  } catch {
    throw tampered(id);
  }
}

function tampered(id: string): AppError {
  return new AppError("conflict", `Evidence ${id} cannot be decrypted: its file was altered or replaced.`, {
    hint: "Run `vigil audit verify` and restore the file from a backup.",
  });
}
