import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { buildSchool } from "../../test-support/builders.js";
import { auditEventsAbout, buildUser, signInAs } from "../test-support/identity-builders.js";
import { startTestServer } from "../test-support/test-server.js";

forEachDialect("sessions", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  beforeAll(async () => {
    app = await startTestServer(database(), { sessionIdleMinutes: 30 });
    ({ schoolId } = await buildSchool(database()));
  });
  afterAll(() => app.close());

  describe("refusals", () => {
    it("answers 401 without a session, or with an unknown one", async () => {
      expect((await app.inject("/api/v1/me")).statusCode).toBe(401);
      const forged = await app.inject({ url: "/api/v1/me", cookies: { vigil_session: "vs_forged" } });
      expect(forged.json()).toMatchObject({ error: { id: "unauthenticated" } });
    });

    it("refuses a state-changing request without the session's CSRF token", async () => {
      const { email } = await buildUser(database(), { schoolId, role: "teacher" });
      const session = await signInAs(app, email);
      const response = await session.request({
        method: "POST",
        url: "/api/v1/auth/sign-out",
        headers: { "x-csrf-token": "not-the-token" },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { id: "csrf_failed" } });
      expect((await session.request({ url: "/api/v1/me" })).statusCode).toBe(200);
    });

    it("refuses a state-changing request from another origin, sign-in included", async () => {
      const { email } = await buildUser(database(), { schoolId, role: "teacher" });
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        headers: { origin: "https://evil.example" },
        payload: { email, password: "whatever it is" },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { id: "csrf_failed" } });
    });

    it("ends a session left idle too long, and one past its absolute lifetime", async () => {
      const { userId, email } = await buildUser(database(), { schoolId, role: "teacher" });
      const idle = await signInAs(app, email);
      await database()
        .db.updateTable("sessions")
        .set({ last_seen_at: minutesAgo(31) })
        .where("user_id", "=", userId)
        .execute();
      expect((await idle.request({ url: "/api/v1/me" })).statusCode).toBe(401);
      const old = await signInAs(app, email);
      await database()
        .db.updateTable("sessions")
        .set({ expires_at: minutesAgo(1) })
        .where("user_id", "=", userId)
        .execute();
      expect((await old.request({ url: "/api/v1/me" })).statusCode).toBe(401);
    });
  });

  it("lists my sessions, marking this one", async () => {
    const { email } = await buildUser(database(), { schoolId, role: "teacher" });
    await signInAs(app, email);
    const session = await signInAs(app, email);
    const response = await session.request({ url: "/api/v1/me/sessions" });
    expect(response.statusCode).toBe(200);
    const { sessions } = response.json<{ sessions: { current: boolean }[] }>();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((entry) => entry.current)).toHaveLength(1);
    expect(JSON.stringify(sessions)).not.toContain("token");
  });

  it("ends another of my sessions by id, audited", async () => {
    const { userId, email } = await buildUser(database(), { schoolId, role: "teacher" });
    const other = await signInAs(app, email);
    const session = await signInAs(app, email);
    const listed = (await session.request({ url: "/api/v1/me/sessions" })).json<{
      sessions: { id: string; current: boolean }[];
    }>();
    const otherId = listed.sessions.find((entry) => !entry.current)?.id ?? "";
    expect(
      (await session.request({ method: "DELETE", url: `/api/v1/me/sessions/${otherId}` })).statusCode,
    ).toBe(204);
    expect((await other.request({ url: "/api/v1/me" })).statusCode).toBe(401);
    expect(await auditEventsAbout(database(), userId)).toContain("session.revoked");
  });

  it("signs out: the cookie is cleared and the session no longer works, audited", async () => {
    const { userId, email } = await buildUser(database(), { schoolId, role: "teacher" });
    const session = await signInAs(app, email);
    const response = await session.request({ method: "POST", url: "/api/v1/auth/sign-out" });
    expect(response.statusCode).toBe(204);
    expect(response.cookies[0]).toMatchObject({ name: "vigil_session", value: "" });
    expect((await session.request({ url: "/api/v1/me" })).statusCode).toBe(401);
    expect(await auditEventsAbout(database(), userId)).toContain("user.signed-out");
  });

  it("signs out everywhere, ending every session, audited", async () => {
    const { userId, email } = await buildUser(database(), { schoolId, role: "teacher" });
    const first = await signInAs(app, email);
    const second = await signInAs(app, email);
    const response = await second.request({ method: "POST", url: "/api/v1/auth/sign-out-everywhere" });
    expect(response.json()).toEqual({ sessionsEnded: 2 });
    expect((await first.request({ url: "/api/v1/me" })).statusCode).toBe(401);
    expect((await second.request({ url: "/api/v1/me" })).statusCode).toBe(401);
    expect(await auditEventsAbout(database(), userId)).toContain("user.signed-out-everywhere");
  });

  it("tells me who I am, my roles and abilities per school", async () => {
    const { email } = await buildUser(database(), { schoolId, role: "teacher" });
    const session = await signInAs(app, email);
    const me = (await session.request({ url: "/api/v1/me" })).json<{
      schools: { schoolId: string; roles: string[]; abilities: string[] }[];
    }>();
    expect(me.schools.map(({ schoolId: id, roles }) => ({ id, roles }))).toEqual([
      { id: schoolId, roles: ["teacher"] },
    ]);
    expect(me.schools[0]?.abilities).toContain("concerns.report");
  });
});
