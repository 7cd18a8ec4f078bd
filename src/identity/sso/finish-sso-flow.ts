/**
 * The provider's answer: the flow is matched to the browser (cookie token, state) and used once,
 * the code is exchanged with the PKCE verifier, and openid-client checks the ID token's signature,
 * issuer, audience, expiry and nonce. Then the verified email must be at an allowed domain and
 * belong to an existing, enabled account with a role at the provider's school (a provider never
 * vouches for people of another school, and never creates accounts). The session starts exactly as
 * a password sign-in's, with the second factor still to do unless the provider is trusted for it.
 * Every outcome is audited; refusals are returned (not thrown) so their records are committed.
 */
import * as client from "openid-client";
import type { VigilDatabase } from "../../db/open-database.js";
import { lockRowsForUpdate } from "../../db/row-lock.js";
import type { SsoRefusal } from "../../contracts/sso.contract.js";
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { Actor } from "../../platform/context/actor.js";
import { inTransaction, type WriteContext } from "../../platform/context/write-context.js";
import { appendUserAudit } from "../audit-user-event.js";
import { loadSchoolRoles } from "../load-principal.js";
import { lockStateOf } from "../lockout.js";
import { hashSecret } from "../secret-token.js";
import { createSession, type IssuedSession } from "../sessions/create-session.js";
import { reopenExpiredLock, userActor } from "../sessions/sign-in.js";
import { openClientSecret } from "./client-secret-seal.js";
import {
  allowedDomainsOf,
  emailDomain,
  findIdentityProviderById,
  type IdentityProviderRow,
} from "./identity-provider.repository.js";
import { providerConfiguration } from "./provider-configuration.js";
import { ssoRedirectUri } from "./sso-flow-cookie.js";
import { verifiedEmailOf } from "./verified-email.js";

export type SsoOutcome =
  { ok: true; session: IssuedSession; userId: string } | { ok: false; refusal: SsoRefusal };

export interface SsoSettings {
  publicUrl: string;
  secretKey: Buffer;
  lockoutMinutes: number;
  sessionLifetimeHours: number;
}

type Who = { actor: Actor; ip: string | null; userAgent: string | null };

/** Finishes the flow for the callback `query`; returns the session or why there is none. */
export async function finishSsoFlow(
  database: VigilDatabase,
  who: Who,
  input: { providerId: string; flowToken: string | undefined; query: URLSearchParams },
  settings: SsoSettings,
): Promise<SsoOutcome> {
  const provider = await findIdentityProviderById(database.db, input.providerId);
  const flow = await takeFlow(database, input.flowToken);
  const refuse = (refusal: SsoRefusal, detail: Record<string, unknown> = {}) =>
    inTransaction(database, who, (ctx) => auditRefusal(ctx, provider, refusal, detail));
  if (!provider) return refuse("sso-unknown-provider", { providerId: input.providerId.slice(0, 100) });
  if (!flow || flow.provider_id !== provider.id || input.query.get("state") !== flow.state) {
    return refuse("sso-state-mismatch", { flowFound: flow !== undefined });
  }
  if (flow.expires_at < new Date().toISOString()) return refuse("sso-flow-expired");
  const providerError = input.query.get("error");
  if (providerError !== null) return refuse("sso-provider-error", { error: providerError.slice(0, 100) });

  let claims: client.IDToken | undefined;
  try {
    const secret = openClientSecret(settings.secretKey, provider.id, provider.client_secret_sealed);
    const configuration = await providerConfiguration(provider, secret);
    const callbackUrl = new URL(ssoRedirectUri(settings.publicUrl, provider.id));
    callbackUrl.search = input.query.toString();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: flow.code_verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return refuse("sso-provider-error", { error: message.slice(0, 200) });
  }
  const email = verifiedEmailOf(claims, provider.kind);
  if (email === undefined) return refuse("sso-email-unverified", { subject: claims?.sub ?? null });
  if (!allowedDomainsOf(provider).includes(emailDomain(email))) {
    return refuse("sso-domain-not-allowed", { email });
  }
  const amr = Array.isArray(claims?.amr) ? claims.amr : [];
  const providerMfa = provider.trust_provider_mfa === 1 && amr.includes("mfa");
  return inTransaction(database, who, (ctx) =>
    signInByEmail(ctx, { provider, email, providerMfa, userAgent: who.userAgent }, settings),
  );
}

async function signInByEmail(
  ctx: WriteContext,
  input: { provider: IdentityProviderRow; email: string; providerMfa: boolean; userAgent: string | null },
  settings: SsoSettings,
): Promise<SsoOutcome> {
  const { provider, email } = input;
  const refuse = async (refusal: SsoRefusal, userId?: string): Promise<SsoOutcome> => {
    await auditRefusal(ctx, provider, refusal, { email }, userId);
    return { ok: false, refusal };
  };
  const found = await lockRowsForUpdate(
    ctx.trx.selectFrom("users").selectAll().where("email", "=", email),
    ctx.capabilities,
  ).executeTakeFirst();
  if (!found) return refuse("sso-no-account");
  if (found.disabled_at !== null) return refuse("sso-account-disabled", found.id);
  const schools = await loadSchoolRoles(ctx.trx, found.id);
  if (!schools.some((school) => school.schoolId === provider.school_id))
    return refuse("sso-no-account", found.id);
  const user = await reopenExpiredLock(ctx, found, settings.lockoutMinutes);
  if (lockStateOf(user, settings.lockoutMinutes) === "locked") return refuse("sso-account-locked", user.id);

  const now = new Date().toISOString();
  await ctx.trx
    .updateTable("users")
    .set({ failed_sign_ins: 0, last_sign_in_at: now })
    .where("id", "=", user.id)
    .execute();
  const userCtx = { ...ctx, actor: userActor(user) };
  const session = await createSession(userCtx, {
    userId: user.id,
    lifetimeHours: settings.sessionLifetimeHours,
    userAgent: input.userAgent,
  });
  if (input.providerMfa) {
    // The administrator chose to trust this provider's multi-factor check (`amr` says "mfa").
    await ctx.trx
      .updateTable("sessions")
      .set({ second_factor_at: now })
      .where("id", "=", session.sessionId)
      .execute();
  }
  await appendUserAudit(userCtx, user.id, {
    event: "user.signed-in",
    data: {
      sessionId: session.sessionId,
      method: "sso",
      providerId: provider.id,
      secondFactor: input.providerMfa ? "provider-mfa" : "pending",
    },
  });
  return { ok: true, session, userId: user.id };
}

/** Reads and deletes the flow the cookie names: a flow is used at most once, even when refused. */
async function takeFlow(database: VigilDatabase, token: string | undefined) {
  if (token === undefined) return undefined;
  const id = hashSecret(token);
  const flow = await database.db.selectFrom("sso_flows").selectAll().where("id", "=", id).executeTakeFirst();
  if (!flow) return undefined;
  // Of two callbacks racing with one cookie, only the one that deletes the row goes on.
  const deleted = await database.db.deleteFrom("sso_flows").where("id", "=", id).executeTakeFirst();
  return deleted.numDeletedRows === 0n ? undefined : flow;
}

async function auditRefusal(
  ctx: WriteContext,
  provider: IdentityProviderRow | undefined,
  refusal: SsoRefusal,
  detail: Record<string, unknown>,
  userId?: string,
): Promise<SsoOutcome> {
  await appendAudit(ctx, {
    event: "user.sign-in-failed",
    schoolId: provider?.school_id ?? null,
    ...(userId === undefined ? {} : { subject: { type: "user", id: userId } }),
    data: { method: "sso", providerId: provider?.id ?? null, reason: refusal, ...detail },
  });
  return { ok: false, refusal };
}
