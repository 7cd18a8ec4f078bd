/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
 * POSTs), Secure whenever the public URL is https, and lasting no longer than the session.
 */
import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../platform/config/settings.js";

export const sessionCookieName = "vigil_session";

/** Sets the session cookie on the reply. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: string) {
  return reply.setCookie(sessionCookieName, token, {
    ...cookieOptions(config),
    expires: new Date(expiresAt),
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(reply: FastifyReply, config: Config) {
  return reply.clearCookie(sessionCookieName, cookieOptions(config));
}

/** The session token the request carries, if any. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const value = request.cookies[sessionCookieName];
  return value === undefined || value === "" ? undefined : value;
}

function cookieOptions(config: Config) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.publicUrl.startsWith("https:"),
  };
}
