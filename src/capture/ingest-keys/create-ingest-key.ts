/** Creates an ingest key for one school: the secret is returned once and only its hash is kept. */
import { randomUUID } from "node:crypto";
import { ingestKeyPrefix } from "../../contracts/event.contract.js";
import { hashSecret, newSecret } from "../../identity/secret-token.js";
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { WriteContext } from "../../platform/context/write-context.js";

const shownPrefixLength = ingestKeyPrefix.length + 6;

export interface CreatedIngestKey {
  id: string;
  /** The only time the secret exists outside the sender's configuration. */
  secret: string;
}

/** Inserts the key and its audit record. */
export async function createIngestKey(
  ctx: WriteContext,
  input: { schoolId: string; name: string },
): Promise<CreatedIngestKey> {
  const id = randomUUID();
  const secret = newSecret(ingestKeyPrefix);
  await ctx.trx
    .insertInto("ingest_keys")
    .values({
      id,
      school_id: input.schoolId,
      name: input.name,
      key_hash: hashSecret(secret),
      key_prefix: secret.slice(0, shownPrefixLength),
      created_by: ctx.actor.label,
      created_at: new Date().toISOString(),
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
  await appendAudit(ctx, {
    event: "ingest-key.created",
    schoolId: input.schoolId,
    subject: { type: "ingest-key", id },
    data: { name: input.name },
  });
  return { id, secret };
}
