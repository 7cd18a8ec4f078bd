/**
 * Starting a single sign-on: a PKCE (S256) verifier, a state and a nonce are made and kept in a
 * flow row for a few minutes; the browser gets the row's token in a cookie and is sent to the
 * provider's authorization endpoint asking for `openid email profile`.
 */
import * as client from "openid-client";
import type { VigilDatabase } from "../../db/open-database.js";
import { hashSecret, newSecret } from "../secret-token.js";
import { openClientSecret } from "./client-secret-seal.js";
import { allowedDomainsOf, type IdentityProviderRow } from "./identity-provider.repository.js";
import { providerConfiguration } from "./provider-configuration.js";
import { ssoFlowMinutes, ssoRedirectUri } from "./sso-flow-cookie.js";

/** Records the flow and returns the provider URL to redirect to and the cookie token. */
export async function startSsoFlow(
  database: VigilDatabase,
  provider: IdentityProviderRow,
  settings: { publicUrl: string; secretKey: Buffer },
): Promise<{ redirectTo: URL; flowToken: string }> {
  const secret = openClientSecret(settings.secretKey, provider.id, provider.client_secret_sealed);
  const configuration = await providerConfiguration(provider, secret);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const flowToken = newSecret("vf_");
  const now = new Date();
  await database.db.deleteFrom("sso_flows").where("expires_at", "<", now.toISOString()).execute();
  await database.db
    .insertInto("sso_flows")
    .values({
      id: hashSecret(flowToken),
      provider_id: provider.id,
      state,
      nonce,
      code_verifier: codeVerifier,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ssoFlowMinutes * 60_000).toISOString(),
    })
    .execute();
  const redirectTo = client.buildAuthorizationUrl(configuration, {
    redirect_uri: ssoRedirectUri(settings.publicUrl, provider.id),
    scope: "openid email profile",
    response_type: "code",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...accountChoice(provider),
  });
  return { redirectTo, flowToken };
}

/**
 * On shared school computers someone else may still be signed in to Google or Microsoft: ask the
 * person to choose the account. For Google with one allowed domain, `hd` offers only that domain's
 * accounts (a convenience; the callback checks the domain either way).
 */
function accountChoice(provider: IdentityProviderRow): Record<string, string> {
  if (provider.kind === "oidc") return {};
  const domains = allowedDomainsOf(provider);
  const onlyDomain = provider.kind === "google" && domains.length === 1 ? domains[0] : undefined;
  return { prompt: "select_account", ...(onlyDomain === undefined ? {} : { hd: onlyDomain }) };
}
