/**
 * The email address an ID token vouches for, only when the provider says it is verified. Google
 * sends `email_verified`. Microsoft Entra ID does not; it sends `xms_edov` (the email's domain is
 * verified by the tenant that owns it) when the app registration asks for that optional claim, and
 * Vigil accepts that from a Microsoft provider only. Anything else counts as unverified.
 */
import type { IDToken } from "openid-client";

/** The lower-cased verified email, or undefined. */
export function verifiedEmailOf(claims: IDToken | undefined, kind: string): string | undefined {
  if (!claims || typeof claims.email !== "string" || !claims.email.includes("@")) return undefined;
  const verified = claims.email_verified === true || (kind === "microsoft" && claims.xms_edov === true);
  return verified ? claims.email.toLowerCase() : undefined;
}
