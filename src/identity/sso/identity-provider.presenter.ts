/** How an identity provider is shown to administrators: everything but the secret. */
import type { IdentityProvider, IdentityProviderKind } from "../../contracts/sso.contract.js";
import { allowedDomainsOf, type IdentityProviderRow } from "./identity-provider.repository.js";
import { ssoRedirectUri } from "./sso-flow-cookie.js";

/** The provider as the API answers it, with the redirect URI to register. */
export function presentIdentityProvider(row: IdentityProviderRow, publicUrl: string): IdentityProvider {
  return {
    id: row.id,
    schoolId: row.school_id,
    kind: row.kind as IdentityProviderKind,
    label: row.label,
    issuer: row.issuer,
    clientId: row.client_id,
    allowedDomains: allowedDomainsOf(row),
    trustProviderMfa: row.trust_provider_mfa === 1,
    redirectUri: ssoRedirectUri(publicUrl, row.id),
    createdAt: row.created_at,
  };
}
