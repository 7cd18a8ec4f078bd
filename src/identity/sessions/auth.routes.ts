/**
 * Signing in and out: POST /api/v1/auth/sign-in, /sign-out and /sign-out-everywhere. The
 * session token travels only in the HttpOnly cookie; the body carries the CSRF token and what the
 * second factor still needs.
 */
import type { FastifyInstance } from "fastify";
import { SignInRequestSchema, type SessionResponse } from "../../contracts/identity.contract.js";
import { access } from "../../platform/authz/route-access.js";
import { inTransaction } from "../../platform/context/write-context.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { appendUserAudit } from "../audit-user-event.js";
import { currentUser } from "../current-user.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { loadUserPrincipal } from "../load-principal.js";
import { findUserById } from "../user.repository.js";
import { revokeAllSessions, revokeSession } from "./revoke-sessions.js";
import { clearSessionCookie, setSessionCookie } from "./session-cookie.js";
import { signIn } from "./sign-in.js";

/** Registers the sign-in and sign-out routes. */
export function registerAuthRoutes(app: FastifyInstance, services: AppServices): void {
  const { database, config } = services;

  app.post("/api/v1/auth/sign-in", access.public, async (request, reply) => {
    const input = parseInput(SignInRequestSchema, request.body, "The sign-in form");
    const who = { ...request.context, userAgent: request.headers["user-agent"] ?? null };
    const session = await signIn(database, who, input, config);
    const user = await findUserById(database.db, session.userId);
    if (!user) throw new Error("signed-in user vanished");
    const principal = await loadUserPrincipal(database.db, user, {
      id: session.sessionId,
      second_factor_at: null,
    });
    setSessionCookie(reply, config, session.token, session.expiresAt);
    const body: SessionResponse = {
      userId: user.id,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      secondFactor: principal.secondFactor,
    };
    return body;
  });

  app.post("/api/v1/auth/sign-out", access.duringSecondFactor, async (request, reply) => {
    const { principal } = currentUser(request);
    await inTransaction(database, request.context, (ctx) =>
      revokeSession(ctx, { userId: principal.userId, sessionId: principal.sessionId, reason: "signed-out" }),
    );
    clearSessionCookie(reply, config);
    return reply.status(204).send();
  });

  app.post("/api/v1/auth/sign-out-everywhere", access.duringSecondFactor, async (request, reply) => {
    const { principal } = currentUser(request);
    const ended = await inTransaction(database, request.context, async (ctx) => {
      const count = await revokeAllSessions(ctx, principal.userId);
      await appendUserAudit(ctx, principal.userId, {
        event: "user.signed-out-everywhere",
        data: { sessionsEnded: count },
      });
      return count;
    });
    clearSessionCookie(reply, config);
    return { sessionsEnded: ended };
  });
}
