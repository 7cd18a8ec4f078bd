import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import {
  auditEventsAbout,
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../identity/test-support/identity-builders.js";
import { startTestServer } from "../identity/test-support/test-server.js";
import { ManualClock } from "../platform/jobs/clock.js";
import { buildSchool } from "../test-support/builders.js";
import { notificationScheduler } from "./notification-scheduler.js";
import { buildRoutedAlert } from "./test-support/notification-builders.js";

type Fields = { error: { id: string; message: string; fields?: { path: string; message: string }[] } };

forEachDialect("notification settings over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let manager: TestSession;
  const base = () => `/api/v1/schools/${schoolId}`;

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    manager = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" })).email,
    );
    await enrolSecondFactor(manager);
  });
  afterAll(() => app.close());

  it("refuses people who are not signed in, and teachers", async () => {
    expect((await app.inject({ url: `${base()}/notification-contacts` })).statusCode).toBe(401);
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    const refused = await teacher.request({
      method: "POST",
      url: `${base()}/notification-contacts`,
      payload: { name: "x", email: "x@oak.example" },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("refuses an invalid contact and an invalid policy, naming each field", async () => {
    const noAddress = await manager.request({
      method: "POST",
      url: `${base()}/notification-contacts`,
      payload: { name: "Sam" },
    });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json<Fields>().error.fields?.map((f) => f.path)).toEqual(["email"]);

    const made = await manager.request({
      method: "POST",
      url: `${base()}/notification-contacts`,
      payload: { name: "Sam", email: "sam@oak.example" },
    });
    const { id } = made.json<{ id: string }>();
    const loop = await manager.request({
      method: "POST",
      url: `${base()}/notification-policies`,
      payload: { name: "loop", minSeverity: 4, chain: [id, id], deadlines: { "5": 0 }, categories: ["nope"] },
    });
    expect(loop.statusCode).toBe(400);
    expect(
      loop
        .json<Fields>()
        .error.fields?.map((f) => f.path)
        .sort(),
    ).toEqual(["categories[0]", "chain[1]", "deadlines.5"]);

    const stranger = "00000000-0000-4000-8000-000000000009";
    const unknown = await manager.request({
      method: "POST",
      url: `${base()}/notification-policies`,
      payload: { name: "unknown", minSeverity: 4, chain: [id, stranger] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<Fields>().error.fields).toEqual([
      { path: "chain[1]", message: `there is no contact ${stranger} in this school` },
    ]);
  });

  it("adds a contact (secret shown once), a policy, and shows deliveries and an alert's hops", async () => {
    const created = await manager.request({
      method: "POST",
      url: `${base()}/notification-contacts`,
      payload: {
        name: "DSL desk",
        email: "dsl@oak.example",
        webhookUrl: "http://127.0.0.1:9/hook",
        workingHours: null,
        digests: ["weekly"],
      },
    });
    expect(created.statusCode).toBe(201);
    const contact = created.json<{ id: string; webhookSecret: string }>();
    expect(contact.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
    const listed = await manager.request({ url: `${base()}/notification-contacts` });
    const shown = listed
      .json<{ contacts: Record<string, unknown>[] }>()
      .contacts.find((c) => c.id === contact.id);
    expect(shown).toMatchObject({ name: "DSL desk", hasWebhookSecret: true, digests: ["weekly"] });
    expect(JSON.stringify(listed.json())).not.toContain(contact.webhookSecret);
    expect(await auditEventsAbout(database(), contact.id)).toEqual(["notification-contact.created"]);

    const policy = await manager.request({
      method: "POST",
      url: `${base()}/notification-policies`,
      payload: { name: "Everything 3+", minSeverity: 3, atOnce: true, chain: [contact.id] },
    });
    expect(policy.statusCode).toBe(201);
    const policies = await manager.request({ url: `${base()}/notification-policies` });
    expect(
      policies.json<{ policies: { name: string; deadlines: Record<string, number> }[] }>().policies,
    ).toContainEqual(
      expect.objectContaining({
        name: "Everything 3+",
        deadlines: { "1": 1440, "2": 480, "3": 120, "4": 30, "5": 15 },
      }),
    );

    // The contact is in a chain: removing it is refused rather than leaving a gap.
    const remove = await manager.request({
      method: "DELETE",
      url: `${base()}/notification-contacts/${contact.id}`,
    });
    expect(remove.statusCode).toBe(409);

    const start = new Date();
    const alertId = await buildRoutedAlert(database(), schoolId, { at: start, severity: 4 });
    const failing = { send: () => Promise.reject(new Error("550 mailbox unavailable")) };
    await notificationScheduler(database(), {
      config: { publicUrl: "https://vigil.test" },
      mailer: failing,
      clock: new ManualClock(new Date(start.getTime() + 1_000)),
    }).runOnce();

    const deliveries = await manager.request({ url: `${base()}/notification-deliveries?status=retrying` });
    const rows = deliveries
      .json<{ deliveries: { kind: string; channel: string; attempts: number; lastError: string }[] }>()
      .deliveries.filter((row) => row.kind === "alert");
    expect(rows.map((row) => row.channel).sort()).toEqual(["email", "webhook"]);
    expect(rows.find((row) => row.channel === "email")).toMatchObject({
      attempts: 1,
      lastError: "550 mailbox unavailable",
    });

    const hops = await manager.request({ url: `/api/v1/alerts/${alertId}/notifications` });
    expect(hops.statusCode).toBe(200);
    expect(hops.json()).toMatchObject({
      alertId,
      acknowledged: false,
      hops: [{ step: 0, contactName: "DSL desk", outcome: "notified" }],
    });
    const otherSchool = await buildSchool(database());
    const elsewhere = await buildRoutedAlert(database(), otherSchool.schoolId);
    expect((await manager.request({ url: `/api/v1/alerts/${elsewhere}/notifications` })).statusCode).toBe(
      404,
    );
  });
});
