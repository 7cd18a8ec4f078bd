/**
 * Password hashing with argon2id (the library's defaults follow RFC 9106's second recommended
 * option: 64 MiB, 3 passes). Length is the only rule: composition rules do not make passwords
 * stronger, they make them harder to remember.
 */
import argon2 from "argon2";

export { passwordMaxLength, passwordMinLength } from "../contracts/limits.js";

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** True when `password` matches the stored hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
