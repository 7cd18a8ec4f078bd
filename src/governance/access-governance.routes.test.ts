import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import {
  auditEventsAbout,
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../identity/test-support/identity-builders.js";
import { startTestServer } from "../identity/test-support/test-server.js";
import { buildSchool } from "../test-support/builders.js";
import { activeGrants } from "./access-request.repository.js";

const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

forEachDialect("access beyond a role, and the termly access review", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let siro: TestSession;
  const requests = () => `/api/v1/schools/${schoolId}/access-requests`;
  const abilitiesOf = async (session: TestSession) =>
    (await session.request({ url: "/api/v1/me" })).json<{ schools: { abilities: string[] }[] }>().schools[0]
      ?.abilities ?? [];

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    siro = await signInAs(app, (await buildUser(database(), { schoolId, role: "siro" })).email);
    await enrolSecondFactor(siro); // the SIRO can read the audit log: restricted
  });
  afterAll(() => app.close());

  describe("refusals", () => {
    it("answers 401 to nobody, and 403 to a teacher deciding a request", async () => {
      expect((await app.inject({ url: requests() })).statusCode).toBe(401);
      const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
      const asked = await teacher.request({
        method: "POST",
        url: requests(),
        payload: {
          action: "browsing.read",
          reason: "following up a concern in my class",
          until: daysFromNow(7),
        },
      });
      const { id } = asked.json<{ id: string }>();
      const decided = await teacher.request({
        method: "POST",
        url: `${requests()}/${id}/decision`,
        payload: { decision: "approve", reason: "approving my own request" },
      });
      expect(decided.statusCode).toBe(403);
    });

    it("names each bad field, and refuses a grant longer than a term", async () => {
      const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
      const bad = await teacher.request({
        method: "POST",
        url: requests(),
        payload: { action: "users.manage", reason: "x", until: "soon" },
      });
      expect(bad.statusCode).toBe(400);
      const fields = bad.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path);
      expect(fields).toEqual(["action", "reason", "until"]);
      const long = await teacher.request({
        method: "POST",
        url: requests(),
        payload: {
          action: "alerts.read",
          reason: "for the rest of the year please",
          until: daysFromNow(200),
        },
      });
      expect(long.statusCode).toBe(400);
      expect(long.json<{ error: { message: string } }>().error.message).toMatch(/at most 90 days/);
    });

    it("refuses asking for what the role already allows, and deciding one's own request", async () => {
      const lead = await signInAs(
        app,
        (await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" })).email,
      );
      await enrolSecondFactor(lead);
      const already = await lead.request({
        method: "POST",
        url: requests(),
        payload: { action: "alerts.read", reason: "I think I need this access", until: daysFromNow(3) },
      });
      expect(already.statusCode).toBe(409);
      const own = await siro.request({
        method: "POST",
        url: requests(),
        payload: {
          action: "alerts.read",
          reason: "to check the alert queue is worked",
          until: daysFromNow(3),
        },
      });
      expect(own.statusCode).toBe(201);
      const decided = await siro.request({
        method: "POST",
        url: `${requests()}/${own.json<{ id: string }>().id}/decision`,
        payload: { decision: "approve", reason: "approving my own request" },
      });
      expect(decided.statusCode).toBe(403);
      expect(decided.json<{ error: { message: string } }>().error.message).toMatch(/own request/);
    });
  });

  it("grants a teacher's request on the SIRO's approval, behind a second factor, until withdrawn", async () => {
    const teacherUser = await buildUser(database(), { schoolId, role: "teacher" });
    const teacher = await signInAs(app, teacherUser.email);
    const activity = `/api/v1/schools/${schoolId}/activity`;
    expect((await teacher.request({ url: activity })).statusCode).toBe(403);

    const asked = await teacher.request({
      method: "POST",
      url: requests(),
      payload: {
        action: "browsing.read",
        subject: "j.smith",
        reason: "a parent raised a concern about searches in my lesson",
        until: daysFromNow(14),
      },
    });
    expect(asked.statusCode).toBe(201);
    const { id } = asked.json<{ id: string; status: string }>();
    expect(asked.json()).toMatchObject({ status: "pending", action: "browsing.read", subject: "j.smith" });
    // The teacher sees only their own requests; the SIRO sees every request and may decide.
    expect((await teacher.request({ url: requests() })).json()).toMatchObject({ canDecide: false });
    const listed = (await siro.request({ url: `${requests()}?status=pending` })).json<{
      requests: { id: string }[];
      canDecide: boolean;
    }>();
    expect(listed.canDecide).toBe(true);
    expect(listed.requests.map((request) => request.id)).toContain(id);

    const approved = await siro.request({
      method: "POST",
      url: `${requests()}/${id}/decision`,
      payload: { decision: "approve", reason: "agreed for this concern only", until: daysFromNow(7) },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: "approved",
      decision: { reason: "agreed for this concern only" },
    });
    expect(await abilitiesOf(teacher)).toContain("browsing.read");
    // Browsing records are restricted: the grant makes the teacher's session finish a second factor.
    expect((await teacher.request({ url: activity })).json()).toMatchObject({
      error: { id: "two_factor_required" },
    });
    await enrolSecondFactor(teacher);
    expect((await teacher.request({ url: activity })).statusCode).toBe(200);

    // The grant ends on its date without anyone acting.
    const later = await activeGrants(database().db, teacherUser.userId, new Date(Date.parse(daysFromNow(8))));
    expect(later.get(schoolId)).toBeUndefined();

    const withdrawn = await teacher.request({ method: "POST", url: `${requests()}/${id}/withdraw` });
    expect(withdrawn.json()).toMatchObject({ status: "withdrawn" });
    expect(await abilitiesOf(teacher)).not.toContain("browsing.read");
    expect((await teacher.request({ url: activity })).statusCode).toBe(403);

    const events = await auditEventsAbout(database(), id);
    expect(events).toEqual(["access.requested", "access.approved", "access.withdrawn"]);
  });

  it("reviews who can see what, flags what needs a look, and keeps the sign-off of exactly that report", async () => {
    const review = await buildSchool(database(), { name: "Review Primary" });
    const head = await signInAs(
      app,
      (await buildUser(database(), { schoolId: review.schoolId, role: "head" })).email,
    );
    await enrolSecondFactor(head);
    const absent = await buildUser(database(), {
      schoolId: review.schoolId,
      role: "designated-safeguarding-lead",
    });
    const url = `/api/v1/schools/${review.schoolId}/access-review`;
    const first = (await head.request({ url })).json<{
      report: { due: boolean; people: { email: string; flags: string[]; restricted: string[] }[] };
      reportSha256: string;
    }>();
    expect(first.report.due).toBe(true);
    const lead = first.report.people.find((person) => person.email === absent.email);
    expect(lead?.flags).toEqual(["never-signed-in", "restricted-without-two-factor"]);
    expect(lead?.restricted).toContain("alerts.read");

    // Access changes after the head read the report: their copy can no longer be signed.
    await buildUser(database(), { schoolId: review.schoolId, role: "teacher" });
    const stale = await head.request({
      method: "POST",
      url: `${url}/sign-off`,
      payload: { reportSha256: first.reportSha256 },
    });
    expect(stale.statusCode).toBe(409);

    const fresh = (await head.request({ url })).json<{ reportSha256: string }>();
    const signed = await head.request({
      method: "POST",
      url: `${url}/sign-off`,
      payload: { reportSha256: fresh.reportSha256, note: "Asked the DSL to sign in and set up two-factor." },
    });
    expect(signed.statusCode).toBe(201);
    const after = (await head.request({ url })).json<{
      report: { due: boolean };
      signOffs: { report_sha256: string; note: string }[];
    }>();
    expect(after.report.due).toBe(false);
    expect(after.signOffs[0]).toMatchObject({ report_sha256: fresh.reportSha256 });
    expect(await auditEventsAbout(database(), signed.json<{ id: string }>().id)).toEqual([
      "access-review.signed-off",
    ]);
  });

  it("ends a guest account on its expiry date: no sign-in, and its open session stops", async () => {
    const admin = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "administrator" })).email,
    );
    const supply = await buildUser(database(), { schoolId, role: "teacher" });
    const past = await admin.request({
      method: "PUT",
      url: `/api/v1/users/${supply.userId}/expiry`,
      payload: { expiresAt: "2020-01-01T00:00:00Z" },
    });
    expect(past.statusCode).toBe(400);
    const set = await admin.request({
      method: "PUT",
      url: `/api/v1/users/${supply.userId}/expiry`,
      payload: { expiresAt: daysFromNow(5) },
    });
    expect(set.statusCode).toBe(200);
    const session = await signInAs(app, supply.email);
    expect((await session.request({ url: "/api/v1/me" })).statusCode).toBe(200);

    // Five days later (moved by hand: the clock is the database's row).
    await database()
      .db.updateTable("users")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("id", "=", supply.userId)
      .execute();
    expect((await session.request({ url: "/api/v1/me" })).statusCode).toBe(401);
    await expect(signInAs(app, supply.email)).rejects.toThrow(/sign-in refused/);
    expect(await auditEventsAbout(database(), supply.userId)).toContain("user.expiry-set");
  });
});
