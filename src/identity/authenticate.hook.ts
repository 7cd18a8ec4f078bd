/**
 * Works out who each request is from, before any route runs: an API token in
 * `Authorization: Bearer ...`, or the session cookie. Sets the request's principal, audit actor
 * and school scope, and applies the CSRF checks (see csrf.ts). A missing or ended session leaves
 * the request anonymous; routes that need someone answer 401.
 */
import { ingestKeyPrefix } from "../contracts/event.contract.js";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../platform/errors/app-error.js";
import type { AppServices } from "../platform/http/app-services.js";
import { scopeOf } from "../schools/school-scope.js";
import { resolveApiToken } from "./api-tokens/api-token.repository.js";
import { checkCsrfToken, checkOrigin } from "./csrf.js";
import { loadUserPrincipal } from "./load-principal.js";
import { resolveSession } from "./sessions/resolve-session.js";
import { sessionTokenOf } from "./sessions/session-cookie.js";
import { userActor } from "./sessions/sign-in.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The CSRF token of the request's session, when it came with a live session cookie. */
    csrfToken: string | null;
  }
}

/** Installs the authentication hook (after the cookie parser and the request context). */
export function registerAuthentication(app: FastifyInstance, services: AppServices): void {
  const { db } = services.database;
  app.decorateRequest("csrfToken", null);
  app.addHook("onRequest", async (request) => {
    checkOrigin(request, services.config.publicUrl);
    const bearer = bearerTokenOf(request);
    // Ingest keys are not API tokens: the event API authenticates them itself.
    if (bearer?.startsWith(ingestKeyPrefix)) return;
    if (bearer !== undefined) {
      const token = await resolveApiToken(db, bearer);
      if (!token) {
        throw new AppError("unauthenticated", "This API token is not valid, or it was revoked.", {
          hint: "Ask an administrator for a new token (`vigil token create`).",
        });
      }
      const label = `API token "${token.name}" (${token.id})`;
      request.context.principal = {
        kind: "api-token",
        tokenId: token.id,
        schoolId: token.school_id,
        scopes: token.scopes,
        label,
      };
      request.context.actor = { kind: "system", label };
      request.context.scope = scopeOf([token.school_id]);
      return;
    }
    const cookie = sessionTokenOf(request);
    if (cookie === undefined) return;
    const session = await resolveSession(db, cookie, { idleMinutes: services.config.sessionIdleMinutes });
    if (!session) return;
    const user = { id: session.user_id, email: session.email, display_name: session.display_name };
    const principal = await loadUserPrincipal(db, user, session);
    request.context.principal = principal;
    request.context.actor = userActor(user);
    request.context.scope = scopeOf(principal.schools.map((school) => school.schoolId));
    request.csrfToken = session.csrf_token;
    // Public routes (sign-in) do not act as the session, so a stale page can still sign in.
    if (request.routeOptions.config.access?.kind !== "public") checkCsrfToken(request, session.csrf_token);
  });
}

function bearerTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw new AppError("unauthenticated", "The Authorization header must be `Bearer <token>`.");
  }
  return match[1];
}
