/**
 * Adds an identity provider to a school. The client secret is sealed before it is stored, and the
 * audit record names the provider but never carries the secret.
 */
import { randomUUID } from "node:crypto";
import type { CreateIdentityProviderRequest } from "../../contracts/sso.contract.js";
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { WriteContext } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import { sealClientSecret } from "./client-secret-seal.js";

/** Stores the provider for `schoolId` and returns its id. */
export async function addIdentityProvider(
  ctx: WriteContext,
  input: CreateIdentityProviderRequest & { schoolId: string },
  secretKey: Buffer,
): Promise<string> {
  const school = await ctx.trx
    .selectFrom("schools")
    .select("id")
    .where("id", "=", input.schoolId)
    .executeTakeFirst();
  if (!school) throw new AppError("not_found", "There is no such school.");
  const id = randomUUID();
  await ctx.trx
    .insertInto("identity_providers")
    .values({
      id,
      school_id: input.schoolId,
      kind: input.kind,
      label: input.label,
      issuer: input.issuer,
      client_id: input.clientId,
      client_secret_sealed: sealClientSecret(secretKey, id, input.clientSecret),
      allowed_domains: JSON.stringify(input.allowedDomains),
      trust_provider_mfa: input.trustProviderMfa ? 1 : 0,
      created_at: new Date().toISOString(),
    })
    .execute();
  await appendAudit(ctx, {
    event: "identity-provider.added",
    schoolId: input.schoolId,
    subject: { type: "identity-provider", id },
    data: {
      kind: input.kind,
      label: input.label,
      issuer: input.issuer,
      clientId: input.clientId,
      allowedDomains: input.allowedDomains,
      trustProviderMfa: input.trustProviderMfa,
    },
  });
  return id;
}
