/**
 * Every role against every API route, built from the server's own route table: a route added
 * without declared access, or without a sample request here, fails the first test. Each role's
 * session has a verified second factor, so the answers show the policy table and nothing else.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { VigilDatabase } from "../../db/open-database.js";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { createApiToken } from "../../identity/api-tokens/create-api-token.js";
import { roles, type Role } from "../../identity/roles.js";
import { buildUser, enrolSecondFactor, signInAs } from "../../identity/test-support/identity-builders.js";
import { startTestServer } from "../../identity/test-support/test-server.js";
import { buildSchool, testActor } from "../../test-support/builders.js";
import { inTransaction } from "../context/write-context.js";
import { createDetectionOverride } from "../../overrides/create-detection-override.js";
import { buildIngestKey } from "../../capture/test-support/capture-builders.js";
import { alertRouteSamples } from "../../alerts/test-support/alert-route-samples.js";
import { notificationRouteSamples } from "../../notifications/test-support/notification-route-samples.js";
import { directoryRouteSamples } from "../../directory/test-support/directory-route-samples.js";
import {
  incidentMatrixConfig,
  incidentRouteSamples,
} from "../../incidents/test-support/incident-route-samples.js";
import { ssoRouteSamples } from "../../identity/sso/test-support/sso-route-samples.js";
import { governanceRouteSamples } from "../../governance/test-support/governance-route-samples.js";
import { everyMemberAbilities, roleAbilities } from "./policy-table.js";
import { routeTableOf } from "./route-access.js";

const emptyLibrary = { rules: [], profiles: { defaultProfile: "secondary", profiles: {} }, version: "test" };

/** `caller` is who will send it, for routes that act on the caller's own things. */
type Sample = (
  database: VigilDatabase,
  schoolId: string,
  caller: { userId: string; role: Role },
) => Promise<InjectOptions>;

/** One valid request per action route, building fresh targets so repeated calls never collide. */
const samples: Record<string, Sample> = {
  "GET /api/v1/users": (_db, schoolId) => Promise.resolve({ url: `/api/v1/users?schoolId=${schoolId}` }),
  "POST /api/v1/users": (_db, schoolId) =>
    Promise.resolve({
      method: "POST",
      url: "/api/v1/users",
      payload: {
        email: `${randomUUID()}@s.example`,
        name: "New",
        password: "a sturdy passphrase here",
        schoolId,
        role: "teacher",
      },
    }),
  "PUT /api/v1/users/:userId/roles/:schoolId/:role": async (db, schoolId) => {
    const { userId } = await buildUser(db, { schoolId, role: "teacher" });
    return { method: "PUT", url: `/api/v1/users/${userId}/roles/${schoolId}/governor` };
  },
  "DELETE /api/v1/users/:userId/roles/:schoolId/:role": async (db, schoolId) => {
    const { userId } = await buildUser(db, { schoolId, role: "governor" });
    return { method: "DELETE", url: `/api/v1/users/${userId}/roles/${schoolId}/governor` };
  },
  "POST /api/v1/users/:userId/unlock": async (db, schoolId) => {
    const { userId } = await buildUser(db, { schoolId, role: "teacher" });
    return { method: "POST", url: `/api/v1/users/${userId}/unlock` };
  },
  "POST /api/v1/users/:userId/disable": async (db, schoolId) => {
    const { userId } = await buildUser(db, { schoolId, role: "teacher" });
    return { method: "POST", url: `/api/v1/users/${userId}/disable` };
  },
  "POST /api/v1/users/:userId/two-factor/reset": async (db, schoolId) => {
    const { userId } = await buildUser(db, { schoolId, role: "teacher" });
    return { method: "POST", url: `/api/v1/users/${userId}/two-factor/reset` };
  },
  "PUT /api/v1/users/:userId/expiry": async (db, schoolId) => {
    const { userId } = await buildUser(db, { schoolId, role: "teacher" });
    const inAWeek = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString();
    return { method: "PUT", url: `/api/v1/users/${userId}/expiry`, payload: { expiresAt: inAWeek } };
  },
  "GET /api/v1/api-tokens": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/api-tokens?schoolId=${schoolId}` }),
  "POST /api/v1/api-tokens": (_db, schoolId) =>
    Promise.resolve({
      method: "POST",
      url: "/api/v1/api-tokens",
      payload: { schoolId, name: "agent", scopes: ["events:write"] },
    }),
  "DELETE /api/v1/api-tokens/:tokenId": async (db, schoolId) => {
    const { id } = await inTransaction(db, { actor: testActor, ip: null }, (ctx) =>
      createApiToken(ctx, { schoolId, name: "agent", scopes: ["events:write"] }),
    );
    return { method: "DELETE", url: `/api/v1/api-tokens/${id}` };
  },
  "GET /api/v1/schools/:schoolId/audit": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/audit` }),
  "GET /api/v1/schools/:schoolId/dashboard": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/dashboard` }),
  "GET /api/v1/schools/:schoolId/retention": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/retention` }),
  "GET /api/v1/schools/:schoolId/activity": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/activity` }),
  "GET /api/v1/schools/:schoolId/activity.csv": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/activity.csv` }),
  "GET /api/v1/schools/:schoolId/search": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/search?q=pupil` }),
  "GET /api/v1/schools/:schoolId/pupils/:name": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/pupils/pupil.one` }),
  "GET /api/v1/schools/:schoolId/devices/:name": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/devices/LAPTOP-07` }),
  "GET /api/v1/schools/:schoolId/ingest-keys": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/ingest-keys` }),
  "POST /api/v1/schools/:schoolId/ingest-keys": (_db, schoolId) =>
    Promise.resolve({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/ingest-keys`,
      payload: { name: "Proxy" },
    }),
  "POST /api/v1/schools/:schoolId/ingest-keys/:keyId/revoke": async (db, schoolId) => {
    const { id } = await buildIngestKey(db, schoolId);
    return { method: "POST", url: `/api/v1/schools/${schoolId}/ingest-keys/${id}/revoke` };
  },
  "GET /api/v1/schools/:schoolId/phrase-library": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/phrase-library?q=kill` }),
  "GET /api/v1/schools/:schoolId/detection-overrides": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/detection-overrides` }),
  "POST /api/v1/schools/:schoolId/detection-overrides": (_db, schoolId) =>
    Promise.resolve({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/detection-overrides`,
      payload: {
        kind: "allowed-term",
        phrase: `club ${randomUUID().slice(0, 8)}`,
        reason: "school club name",
      },
    }),
  "POST /api/v1/schools/:schoolId/detection-overrides/:overrideId/revoke": async (db, schoolId) => {
    const id = await inTransaction(db, { actor: testActor, ip: null }, (ctx) =>
      createDetectionOverride(
        ctx,
        schoolId,
        { kind: "allowed-term", phrase: "old club", reason: "test" },
        emptyLibrary,
      ),
    );
    return {
      method: "POST",
      url: `/api/v1/schools/${schoolId}/detection-overrides/${id}/revoke`,
      payload: { reason: "ended" },
    };
  },
  ...alertRouteSamples,
  ...notificationRouteSamples,
  ...directoryRouteSamples,
  ...incidentRouteSamples,
  ...ssoRouteSamples,
  ...governanceRouteSamples,
};

/**
 * Routes that declare no access on purpose: first-run setup answers before any account exists,
 * and the event API authenticates capture's ingest keys in its own hook.
 */
const undeclaredByDesign = new Set(["GET /api/v1/setup/status", "POST /api/v1/setup", "POST /api/v1/events"]);

forEachDialect("every role against every API route", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  const actionRoutes = () =>
    routeTableOf(app).flatMap((route) =>
      route.access?.kind === "action"
        ? [{ key: `${route.method} ${route.url}`, action: route.access.action }]
        : [],
    );

  beforeAll(async () => {
    app = await startTestServer(database(), incidentMatrixConfig);
    ({ schoolId } = await buildSchool(database()));
  });
  afterAll(() => app.close());

  it("has declared access for every API route, and a sample request for every action route", () => {
    const apiRoutes = routeTableOf(app).filter((route) => route.url.startsWith("/api/"));
    const undeclared = apiRoutes
      .map((route) => `${route.method} ${route.url}`)
      .filter((key, index) => apiRoutes[index]?.access === undefined && !undeclaredByDesign.has(key));
    expect(undeclared).toEqual([]);
    expect(
      actionRoutes()
        .filter((route) => !(route.key in samples))
        .map((route) => route.key),
    ).toEqual([]);
    expect(actionRoutes().length).toBeGreaterThanOrEqual(Object.keys(samples).length);
  });

  it.each(roles)("answers %s as the policy table says", async (role) => {
    const caller = await buildUser(database(), { schoolId, role });
    const session = await signInAs(app, caller.email);
    await enrolSecondFactor(session);
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of actionRoutes()) {
      const sample = samples[route.key];
      if (!sample) continue;
      const response = await session.request(
        await sample(database(), schoolId, { userId: caller.userId, role }),
      );
      const allowed = [...roleAbilities[role], ...everyMemberAbilities].includes(route.action);
      outcomes.push(`${route.key}: ${response.statusCode < 300 ? "allowed" : String(response.statusCode)}`);
      expected.push(`${route.key}: ${allowed ? "allowed" : "403"}`);
    }
    expect(outcomes).toEqual(expected);
  });
});
