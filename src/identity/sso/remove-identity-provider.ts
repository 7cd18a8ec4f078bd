/** Removes an identity provider: sign-ins through it stop at once; flows already started fail. */
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { WriteContext } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import type { IdentityProviderRow } from "./identity-provider.repository.js";

/** Deletes `provider` and its pending flows, audited. */
export async function removeIdentityProvider(
  ctx: WriteContext,
  provider: IdentityProviderRow,
): Promise<void> {
  await ctx.trx.deleteFrom("sso_flows").where("provider_id", "=", provider.id).execute();
  const deleted = await ctx.trx
    .deleteFrom("identity_providers")
    .where("id", "=", provider.id)
    .executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw new AppError("not_found", "There is no such identity provider.");
  await appendAudit(ctx, {
    event: "identity-provider.removed",
    schoolId: provider.school_id,
    subject: { type: "identity-provider", id: provider.id },
    data: { kind: provider.kind, label: provider.label, issuer: provider.issuer },
  });
}
