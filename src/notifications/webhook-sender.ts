/**
 * Signed webhooks. The receiver checks `X-Vigil-Signature: sha256=<hex>`, an HMAC-SHA256 with
 * the contact's secret over `<timestamp>.<body>`, and rejects an old `X-Vigil-Timestamp`, so a
 * captured request cannot be replayed later or altered on the way.
 */
import { createHmac } from "node:crypto";

export const signatureHeader = "x-vigil-signature";
export const timestampHeader = "x-vigil-timestamp";

/** The signature header value for a body sent at `timestamp` (seconds since 1970). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret)
    .update(`${String(timestamp)}.${body}`)
    .digest("hex")}`;
}

/** Posts the body; throws with the status (or network error) when the receiver does not accept it. */
export async function postWebhook(url: string, secret: string, body: string, now: Date): Promise<void> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "Vigil-Notifications",
      [timestampHeader]: String(timestamp),
      [signatureHeader]: signWebhook(secret, timestamp, body),
    },
    body,
    redirect: "error",
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();
  if (!response.ok)
    throw new Error(`The webhook answered ${String(response.status)} ${response.statusText}`.trim());
}
