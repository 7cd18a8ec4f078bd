/**
 * The cookie that ties a provider's answer to the browser that started the sign-in. It carries a
 * random token only (the state, nonce and PKCE verifier stay in the `sso_flows` row keyed by the
 * token's SHA-256). HttpOnly; SameSite=Lax so it comes back on the provider's top-level redirect;
 * limited to the SSO paths and to the flow's lifetime.
 */
import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../platform/config/settings.js";

export const ssoFlowCookieName = "vigil_sso_flow";
const cookiePath = "/api/v1/auth/sso/";

/** Minutes a person has between leaving for the provider and coming back. */
export const ssoFlowMinutes = 10;

/** Sets the flow cookie. */
export function setSsoFlowCookie(reply: FastifyReply, config: Config, token: string) {
  return reply.setCookie(ssoFlowCookieName, token, { ...options(config), maxAge: ssoFlowMinutes * 60 });
}

/** Removes the flow cookie (a flow is used once). */
export function clearSsoFlowCookie(reply: FastifyReply, config: Config) {
  return reply.clearCookie(ssoFlowCookieName, options(config));
}

/** The flow token the request carries, if any. */
export function ssoFlowTokenOf(request: FastifyRequest): string | undefined {
  const value = request.cookies[ssoFlowCookieName];
  return value === undefined || value === "" ? undefined : value;
}

function options(config: Config) {
  return {
    path: cookiePath,
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.publicUrl.startsWith("https:"),
  };
}

/** The redirect (reply) URI to register with the provider for `providerId`. */
export function ssoRedirectUri(publicUrl: string, providerId: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/api/v1/auth/sso/${providerId}/callback`;
}
