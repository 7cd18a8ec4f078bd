/**
 * Random bearer secrets (session cookies, API tokens, recovery codes). They carry 256 bits (codes:
 * 80), so a plain SHA-256 is enough to store them: unlike passwords they cannot be guessed.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new random secret, URL-safe, with an optional prefix that says what it is. */
export function newSecret(prefix = "", bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

/** The SHA-256 of a secret, as stored. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Compares two strings in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
