/**
 * CSRF protection, two layers. (1) A state-changing request authenticated by the session cookie
 * must echo the session's CSRF token in the `x-csrf-token` header: a page on another site can
 * make the browser send the cookie, but cannot read the token (it is only in API responses).
 * (2) Any state-changing request whose `Origin` is neither Vigil's public URL nor the host it was
 * sent to is refused, which also stops sign-in CSRF. Requests with an API token carry no ambient
 * credential and need neither. SameSite=Lax on the cookie is a third, browser-side layer.
 */
import type { FastifyRequest } from "fastify";
import { AppError } from "../platform/errors/app-error.js";
import { safeEqual } from "./secret-token.js";

export const csrfHeader = "x-csrf-token";
const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** True for methods that may change something. */
export function isStateChanging(method: string): boolean {
  return !safeMethods.has(method.toUpperCase());
}

/** Throws `csrf_failed` when the request comes from a page on another origin. */
export function checkOrigin(request: FastifyRequest, publicUrl: string): void {
  const origin = request.headers.origin;
  if (origin === undefined || !isStateChanging(request.method)) return;
  const allowed = [new URL(publicUrl).origin, `${request.protocol}://${request.host}`];
  if (!allowed.includes(origin)) {
    throw new AppError("csrf_failed", `Requests from ${origin} are not accepted.`, {
      hint: "Open Vigil at its own address; if that is what you did, check VIGIL_PUBLIC_URL.",
    });
  }
}

/** Throws `csrf_failed` unless a state-changing request echoes the session's CSRF token. */
export function checkCsrfToken(request: FastifyRequest, expected: string): void {
  if (!isStateChanging(request.method)) return;
  const given = request.headers[csrfHeader];
  if (typeof given !== "string" || !safeEqual(given, expected)) {
    throw new AppError("csrf_failed", `This request needs the ${csrfHeader} header of your session.`, {
      hint: "Send the csrfToken from the sign-in response or GET /api/v1/me in the x-csrf-token header.",
    });
  }
}
