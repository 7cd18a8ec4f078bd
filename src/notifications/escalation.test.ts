import { afterAll, beforeAll, expect, it } from "vitest";
import { LocalEventQueue } from "../capture/events/event-queue.js";
import { rowOfApiEvent } from "../capture/events/event-row.js";
import { EventWriter } from "../capture/events/event-writer.js";
import { PipelineWorker } from "../capture/pipeline/pipeline-worker.js";
import { buildEvent } from "../capture/test-support/capture-builders.js";
import { EventSchema } from "../contracts/event.contract.js";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { ManualClock } from "../platform/jobs/clock.js";
import { scopeOf } from "../schools/school-scope.js";
import { buildSchool } from "../test-support/builders.js";
import { findHops } from "./delivery.repository.js";
import { smtpMailer } from "./mailer.js";
import { notificationScheduler } from "./notification-scheduler.js";
import { bodyOf, startSmtpTestServer, type SmtpTestServer } from "./test-support/smtp-test-server.js";
import { buildContact, buildPolicy } from "./test-support/notification-builders.js";

const minute = 60_000;

forEachDialect("alert escalation, end to end", (database) => {
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
  });
  afterAll(() => smtp.close());

  it("a severe alert from the pipeline emails the DSL, escalates past its deadline, and stops once acknowledged", async () => {
    smtp.received.length = 0;
    const { schoolId } = await buildSchool(database(), { name: "Oak Academy" });
    const dsl = await buildContact(database(), schoolId, { name: "Sam Lee (DSL)", email: "dsl@oak.example" });
    const deputy = await buildContact(database(), schoolId, {
      name: "Jo Park (deputy)",
      email: "deputy@oak.example",
    });
    const head = await buildContact(database(), schoolId, {
      name: "Ali Khan (head)",
      email: "head@oak.example",
    });
    await buildPolicy(database(), schoolId, {
      name: "Self-harm at 4+: DSL at once",
      categories: ["self-harm"],
      minSeverity: 4,
      atOnce: true,
      chain: [dsl.id, deputy.id, head.id],
      deadlines: { "4": 15, "5": 15 },
    });

    // A pupil types it; the real detection pipeline raises the alert and queues its routing.
    const writer = new EventWriter(database());
    const typed = buildEvent({ text: "honestly i want to kill myself", time: new Date().toISOString() });
    await writer.write([rowOfApiEvent(schoolId, EventSchema.parse(typed), new Date().toISOString())]);
    await writer.close();
    expect(await new PipelineWorker(database(), new LocalEventQueue(database())).drain()).toMatchObject({
      alertsCreated: 1,
    });
    const alert = await database()
      .db.selectFrom("alerts")
      .select(["id", "severity"])
      .where("school_id", "=", schoolId)
      .executeTakeFirstOrThrow();
    expect(alert.severity).toBeGreaterThanOrEqual(4);

    const clock = new ManualClock(new Date(Date.now() + 1_000));
    const scheduler = notificationScheduler(database(), {
      config: { publicUrl: "https://vigil.oak.example" },
      mailer: smtpMailer(smtp.settings),
      clock,
    });
    await scheduler.runOnce();
    expect(smtp.received.map((mail) => mail.to)).toEqual([["dsl@oak.example"]]);
    const first = bodyOf(smtp.received[0] ?? { from: "", to: [], raw: "" });
    expect(first).toContain(`https://vigil.oak.example/alerts/${alert.id}`);
    expect(first).toContain(`severity ${String(alert.severity)}`);
    expect(first).toContain("Oak Academy");
    // No pupil data beyond what is needed: not the words, not the name.
    expect(first).not.toContain("kill myself");
    expect(first).not.toContain("pupil.one");

    const hopsAfter = async () => findHops(database().db, scopeOf([schoolId]), alert.id);
    const [firstHop] = await hopsAfter();
    expect(firstHop).toMatchObject({ step: 0, contactName: "Sam Lee (DSL)", outcome: "notified" });
    expect(Date.parse(firstHop?.deadlineAt ?? "")).toBe(clock.now().getTime() + 15 * minute);

    // Before the deadline nobody else is told.
    clock.advance(14 * minute);
    await scheduler.runOnce();
    expect(smtp.received).toHaveLength(1);

    // Past it, still `new`: the deputy is emailed, and the hop is on the alert.
    clock.advance(2 * minute);
    await scheduler.runOnce();
    expect(smtp.received.map((mail) => mail.to)).toEqual([["dsl@oak.example"], ["deputy@oak.example"]]);
    expect((await hopsAfter()).map((hop) => [hop.step, hop.contactName, hop.outcome])).toEqual([
      [0, "Sam Lee (DSL)", "notified"],
      [1, "Jo Park (deputy)", "notified"],
    ]);

    // Acknowledged (out of `new`): the head is never told.
    await database()
      .db.updateTable("alerts")
      .set({ status: "in-review" })
      .where("id", "=", alert.id)
      .execute();
    clock.advance(60 * minute);
    await scheduler.runOnce();
    expect(smtp.received).toHaveLength(2);
    expect(await hopsAfter()).toHaveLength(2);
    const escalation = await database()
      .db.selectFrom("jobs")
      .select(["status", "result"])
      .where("name", "=", "alert.escalate")
      .where("payload", "like", `%${alert.id}%"step":2%`)
      .executeTakeFirstOrThrow();
    expect(escalation).toEqual({
      status: "skipped",
      result: "acknowledged (status in-review): no further hops",
    });
  });
});
