import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { NotificationsResponse } from "../../contracts/console.contract.js";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { buildUser, enrolSecondFactor, signInAs } from "../../identity/test-support/identity-builders.js";
import { startTestServer } from "../../identity/test-support/test-server.js";
import { recordAction } from "../../incidents/record-action.js";
import { buildAlert, buildIncident } from "../../incidents/test-support/incident-builders.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { buildSchool, testActor } from "../../test-support/builders.js";

forEachDialect("my notifications over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let url: string;
  let lead: { userId: string; email: string };

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    url = `/api/v1/me/notifications?schoolId=${schoolId}`;
    lead = await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" });
    const mine = await buildAlert(database(), schoolId);
    await database()
      .db.updateTable("alerts")
      .set({ assignee_id: lead.userId })
      .where("id", "=", mine)
      .execute();
    await buildAlert(database(), schoolId);
    const closed = await buildAlert(database(), schoolId);
    await database()
      .db.updateTable("alerts")
      .set({ assignee_id: lead.userId, status: "no-action" })
      .where("id", "=", closed)
      .execute();
    const incidentId = await buildIncident(database(), schoolId);
    const incident = { id: incidentId, school_id: schoolId };
    await inTransaction(database(), { actor: testActor, ip: null }, async (ctx) => {
      await recordAction(ctx, incident, {
        kind: "task",
        description: "Speak to the pupil's tutor",
        owner: ` ${lead.email.toUpperCase()} `,
        dueOn: "2026-01-05",
      });
      await recordAction(ctx, incident, {
        kind: "task",
        description: "Someone else's task",
        owner: "Ms Other",
        dueOn: "2026-01-05",
      });
    });
  });
  afterAll(() => app.close());

  it("refuses people not signed in, a bad school id, and a school the person is not in", async () => {
    expect((await app.inject({ url })).statusCode).toBe(401);
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    const bad = await teacher.request({ url: "/api/v1/me/notifications?schoolId=nope" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path).toBe("schoolId");
    const other = await buildSchool(database());
    expect(
      (await teacher.request({ url: `/api/v1/me/notifications?schoolId=${other.schoolId}` })).statusCode,
    ).toBe(403);
  });

  it("shows a teacher nothing about alerts or incidents", async () => {
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    const response = await teacher.request({ url });
    expect(response.statusCode).toBe(200);
    const body = response.json<NotificationsResponse>();
    expect(body).toMatchObject({ schoolId, total: 0, items: [], assignedAlerts: [] });
  });

  it("shows the lead their open assigned alert, the severe queue and their own overdue task", async () => {
    const session = await signInAs(app, lead.email);
    await enrolSecondFactor(session);
    const body = (await session.request({ url })).json<NotificationsResponse>();
    expect(body.items).toEqual([
      { kind: "alerts-assigned", count: 1 },
      { kind: "alerts-severe-waiting", count: 2 },
      { kind: "incident-tasks-overdue", count: 1 },
    ]);
    expect(body.total).toBe(4);
    expect(body.assignedAlerts).toEqual([
      { id: expect.any(String) as string, severity: 4, categories: ["self-harm"] },
    ]);
    expect(JSON.stringify(body)).not.toContain("jpupil");
  });

  it("tells the SIRO the access review is due and counts requests waiting for them, never their own", async () => {
    const siro = await signInAs(app, (await buildUser(database(), { schoolId, role: "siro" })).email);
    await enrolSecondFactor(siro);
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    for (const asker of [teacher, siro]) {
      const asked = await asker.request({
        method: "POST",
        url: `/api/v1/schools/${schoolId}/access-requests`,
        payload: { action: "browsing.read", reason: "Covering the network manager this week", until },
      });
      expect(asked.statusCode).toBe(201);
    }
    const session = siro;
    const body = (await session.request({ url })).json<NotificationsResponse>();
    expect(body.items).toEqual(
      expect.arrayContaining([
        { kind: "access-requests-waiting", count: 1 },
        { kind: "access-review-due", count: 1 },
      ]),
    );
    expect(body.items.map((item) => item.kind)).not.toContain("alerts-assigned");
  });
});
