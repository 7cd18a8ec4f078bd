/** The signed-in person behind a request, for routes declared `signed-in` (the gate ran first). */
import type { FastifyRequest } from "fastify";
import type { Principal } from "../platform/authz/principal.js";
import { AppError } from "../platform/errors/app-error.js";

/** The user principal and the session's CSRF token; throws `unauthenticated` for anyone else. */
export function currentUser(request: FastifyRequest): {
  principal: Extract<Principal, { kind: "user" }>;
  csrfToken: string;
} {
  const { principal } = request.context;
  if (principal.kind !== "user" || request.csrfToken === null) {
    throw new AppError("unauthenticated", "You need to sign in first.");
  }
  return { principal, csrfToken: request.csrfToken };
}
