/**
 * API tokens let an integration (a capture agent, a directory sync) act for one school within
 * named scopes. The token is shown once; only its SHA-256 is stored.
 */
import { randomUUID } from "node:crypto";
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { TokenScope } from "../../platform/authz/policy-table.js";
import type { WriteContext } from "../../platform/context/write-context.js";
import { hashSecret, newSecret } from "../secret-token.js";

export const apiTokenPrefix = "vigil_";

/** Creates a token; returns its id and the secret to hand to the integration. */
export async function createApiToken(
  ctx: WriteContext,
  input: { schoolId: string; name: string; scopes: readonly TokenScope[] },
): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = newSecret(apiTokenPrefix);
  const scopes = [...new Set(input.scopes)].sort();
  await ctx.trx
    .insertInto("api_tokens")
    .values({
      id,
      school_id: input.schoolId,
      name: input.name,
      scopes: JSON.stringify(scopes),
      token_hash: hashSecret(token),
      created_by: ctx.actor.label,
      created_at: new Date().toISOString(),
    })
    .execute();
  await appendAudit(ctx, {
    event: "api-token.created",
    schoolId: input.schoolId,
    subject: { type: "api-token", id },
    data: { name: input.name, scopes },
  });
  return { id, token };
}
