/**
 * Guest and supply staff accounts end by themselves: an account with an expiry cannot sign in,
 * and its open sessions stop answering, from that moment, without anyone having to remember.
 */

/** True when the account's expiry has passed. */
export function hasExpired(user: { expires_at: string | null }, now = new Date()): boolean {
  return user.expires_at !== null && Date.parse(user.expires_at) <= now.getTime();
}
