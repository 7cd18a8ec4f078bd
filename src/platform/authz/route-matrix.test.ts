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
import { roles } from "../../identity/roles.js";
import { buildUser, enrolSecondFactor, signInAs } from "../../identity/test-support/identity-builders.js";
import { startTestServer } from "../../identity/test-support/test-server.js";
import { buildSchool, testActor } from "../../test-support/builders.js";
import { inTransaction } from "../context/write-context.js";
import { createDetectionOverride } from "../../overrides/create-detection-override.js";
import { roleAbilities } from "./policy-table.js";
import { routeTableOf } from "./route-access.js";

const emptyLibrary = { rules: [], profiles: { defaultProfile: "secondary", profiles: {} }, version: "test" };

type Sample = (database: VigilDatabase, schoolId: string) => Promise<InjectOptions>;

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
    app = await startTestServer(database());
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
    const session = await signInAs(app, (await buildUser(database(), { schoolId, role })).email);
    await enrolSecondFactor(session);
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of actionRoutes()) {
      const sample = samples[route.key];
      if (!sample) continue;
      const response = await session.request(await sample(database(), schoolId));
      const allowed = roleAbilities[role].includes(route.action);
      outcomes.push(`${route.key}: ${response.statusCode < 300 ? "allowed" : String(response.statusCode)}`);
      expected.push(`${route.key}: ${allowed ? "allowed" : "403"}`);
    }
    expect(outcomes).toEqual(expected);
  });
});
