/**
 * TOTP (RFC 6238): SHA-1, 6 digits, 30-second steps, the parameters every authenticator app
 * supports. A code is accepted one step either side for clock drift, and never twice: the step
 * of the last accepted code is stored and anything at or before it is refused.
 */
import { Secret, TOTP } from "otpauth";

const issuer = "Vigil";
const period = 30;

/** A new random secret (160 bits, as RFC 4226 recommends), base32-encoded. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app reads from a QR code. */
export function otpauthUri(secret: string, accountName: string): string {
  return totpFor(secret, accountName).toString();
}

/** The time step a code matched, or undefined when it does not match or was already used. */
export function matchTotp(
  secret: string,
  code: string,
  lastUsedStep: number | null,
  now = Date.now(),
): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpFor(secret, "").validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / period) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? undefined : step;
}

/** The current code for a secret (for tests and the CLI's self-check). */
export function currentTotp(secret: string, now = Date.now()): string {
  return totpFor(secret, "").generate({ timestamp: now });
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period,
  });
}
