/**
 * A person's own account: GET /api/v1/me (who I am, my roles and abilities per school, what the
 * second factor still needs, the CSRF token), my open sessions, and ending one of them.
 */
import type { FastifyInstance } from "fastify";
import { SessionIdParamsSchema, type MeResponse } from "../contracts/identity.contract.js";
import { abilitiesOf } from "../platform/authz/authorize.js";
import { access } from "../platform/authz/route-access.js";
import { inTransaction } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import type { AppServices } from "../platform/http/app-services.js";
import { findSchools } from "../schools/school.repository.js";
import { currentUser } from "./current-user.js";
import { parseInput } from "../platform/http/parse-input.js";
import { findOpenSessions } from "./sessions/resolve-session.js";
import { revokeSession } from "./sessions/revoke-sessions.js";
import { findUserById } from "./user.repository.js";

/** Registers the /api/v1/me routes. */
export function registerMeRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;

  app.get("/api/v1/me", access.duringSecondFactor, async (request) => {
    const { principal, csrfToken } = currentUser(request);
    const user = await findUserById(database.db, principal.userId);
    if (!user) throw new Error("signed-in user vanished");
    const schools = await findSchools(database.db, request.context.scope);
    const body: MeResponse = {
      user: { id: user.id, email: user.email, name: user.display_name },
      secondFactor: principal.secondFactor,
      csrfToken,
      schools: schools.map((school) => ({
        schoolId: school.id,
        name: school.name,
        roles: [...(principal.schools.find((entry) => entry.schoolId === school.id)?.roles ?? [])],
        abilities: abilitiesOf(principal, school.id),
      })),
    };
    return body;
  });

  app.get("/api/v1/me/sessions", access.signedIn, async (request) => {
    const { principal } = currentUser(request);
    const sessions = await findOpenSessions(database.db, principal.userId);
    return {
      sessions: sessions.map((session) => ({
        id: session.id,
        current: session.id === principal.sessionId,
        createdAt: session.created_at,
        lastSeenAt: session.last_seen_at,
        expiresAt: session.expires_at,
        ip: session.ip,
        userAgent: session.user_agent,
        secondFactor: session.second_factor_at !== null,
      })),
    };
  });

  app.delete("/api/v1/me/sessions/:sessionId", access.signedIn, async (request, reply) => {
    const { principal } = currentUser(request);
    const { sessionId } = parseInput(SessionIdParamsSchema, request.params, "The address");
    const ended = await inTransaction(database, request.context, (ctx) =>
      revokeSession(ctx, { userId: principal.userId, sessionId, reason: "revoked" }),
    );
    if (!ended) throw new AppError("not_found", "You have no open session with that id.");
    return reply.status(204).send();
  });
}
