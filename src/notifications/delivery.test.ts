import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { ManualClock } from "../platform/jobs/clock.js";
import { scopeOf } from "../schools/school-scope.js";
import { buildSchool } from "../test-support/builders.js";
import { findDeliveries, findHops } from "./delivery.repository.js";
import { smtpMailer } from "./mailer.js";
import { notificationScheduler } from "./notification-scheduler.js";
import { bodyOf, startSmtpTestServer, type SmtpTestServer } from "./test-support/smtp-test-server.js";
import { buildContact, buildPolicy, buildRoutedAlert } from "./test-support/notification-builders.js";
import { signWebhook } from "./webhook-sender.js";

const minute = 60_000;

/** A webhook receiver that answers 500 to the first `failures` requests, then 200. */
async function startReceiver(failures: number) {
  const requests: { headers: IncomingHttpHeaders; body: string; status: number }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
    });
    request.on("end", () => {
      const status = requests.length < failures ? 500 : 200;
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), status });
      response.statusCode = status;
      response.end(status === 200 ? "ok" : "try later");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/hook`,
    requests,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

forEachDialect("notification deliveries", (database) => {
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
  });
  afterAll(() => smtp.close());
  const schedulerAt = (clock: ManualClock) =>
    notificationScheduler(database(), {
      config: { publicUrl: "https://vigil.test" },
      mailer: smtpMailer(smtp.settings),
      clock,
    });

  it("retries a failing signed webhook at a back-off without holding up the email, then delivers it", async () => {
    smtp.received.length = 0;
    const receiver = await startReceiver(1);
    try {
      const { schoolId } = await buildSchool(database());
      const dsl = await buildContact(database(), schoolId, {
        name: "DSL",
        email: "dsl-hook@oak.example",
        webhookUrl: receiver.url,
      });
      await buildPolicy(database(), schoolId, { name: "all", minSeverity: 1, atOnce: true, chain: [dsl.id] });
      const start = new Date();
      const alertId = await buildRoutedAlert(database(), schoolId, { at: start });
      const clock = new ManualClock(new Date(start.getTime() + 1_000));
      await schedulerAt(clock).runOnce();

      expect(smtp.received.map((mail) => mail.to)).toEqual([["dsl-hook@oak.example"]]);
      expect(receiver.requests.map((request) => request.status)).toEqual([500]);
      const afterFailure = await findDeliveries(database().db, scopeOf([schoolId]));
      expect(afterFailure.find((d) => d.channel === "webhook")).toMatchObject({
        status: "retrying",
        attempts: 1,
        lastError: "The webhook answered 500 Internal Server Error",
      });
      expect(afterFailure.find((d) => d.channel === "email")).toMatchObject({ status: "sent", attempts: 1 });

      // Not before the back-off (30 s), then once more: accepted.
      clock.advance(20_000);
      await schedulerAt(clock).runOnce();
      expect(receiver.requests).toHaveLength(1);
      clock.advance(15_000);
      await schedulerAt(clock).runOnce();
      expect(receiver.requests.map((request) => request.status)).toEqual([500, 200]);
      const delivered = (await findDeliveries(database().db, scopeOf([schoolId]))).find(
        (d) => d.channel === "webhook",
      );
      expect(delivered).toMatchObject({ status: "sent", attempts: 2, lastError: null });

      const last = receiver.requests[1];
      const timestamp = Number(last?.headers["x-vigil-timestamp"]);
      expect(last?.headers["x-vigil-signature"]).toBe(
        signWebhook(dsl.webhookSecret ?? "", timestamp, last?.body ?? ""),
      );
      expect(last?.headers["x-vigil-signature"]).not.toBe(
        signWebhook("wrong secret", timestamp, last?.body ?? ""),
      );
      const body = JSON.parse(last?.body ?? "{}") as { text: string; alert: { id: string; link: string } };
      expect(body.text).toContain(`https://vigil.test/alerts/${alertId}`);
      expect(body.alert).toMatchObject({ id: alertId, link: `https://vigil.test/alerts/${alertId}` });
      expect(last?.body).not.toContain("secret words");
    } finally {
      await receiver.close();
    }
  });

  it("sends at most one message per contact per policy in ten minutes, grouping the rest", async () => {
    smtp.received.length = 0;
    const { schoolId } = await buildSchool(database());
    const nm = await buildContact(database(), schoolId, { name: "Network manager", email: "nm@oak.example" });
    await buildPolicy(database(), schoolId, {
      name: "avoidance",
      categories: ["proxy-hacking"],
      minSeverity: 1,
      atOnce: true,
      chain: [nm.id],
    });
    const start = new Date();
    const clock = new ManualClock(new Date(start.getTime() + 1_000));
    await buildRoutedAlert(database(), schoolId, { categories: ["proxy-hacking"], severity: 2, at: start });
    await schedulerAt(clock).runOnce();
    for (const _ of [1, 2, 3, 4, 5]) {
      await buildRoutedAlert(database(), schoolId, { categories: ["proxy-hacking"], severity: 2, at: start });
    }
    clock.advance(minute);
    await schedulerAt(clock).runOnce();
    expect(smtp.received).toHaveLength(1);

    clock.advance(10 * minute);
    await schedulerAt(clock).runOnce();
    expect(smtp.received).toHaveLength(2);
    const grouped = smtp.received[1];
    expect(grouped?.raw.replace(/\r?\n[ \t]+/g, " ")).toMatch(/Subject: .*and 4 more/);
    expect(bodyOf(grouped ?? { from: "", to: [], raw: "" })).toContain("And 4 more:");
    const statuses = (await findDeliveries(database().db, scopeOf([schoolId]))).map((d) => d.status).sort();
    expect(statuses).toEqual(["grouped", "grouped", "grouped", "grouped", "sent", "sent"]);
  });

  it("skips a contact outside working hours to the next, unless the policy is at once", async () => {
    smtp.received.length = 0;
    const { schoolId } = await buildSchool(database());
    const weekdays = {
      days: ["mon", "tue", "wed", "thu", "fri"],
      start: "08:00",
      end: "17:00",
      timeZone: "Europe/London",
    };
    const osc = await buildContact(database(), schoolId, {
      name: "OSC",
      email: "osc@oak.example",
      workingHours: weekdays,
    });
    const oncall = await buildContact(database(), schoolId, { name: "On call", email: "oncall@oak.example" });
    await buildPolicy(database(), schoolId, {
      name: "office hours",
      minSeverity: 1,
      chain: [osc.id, oncall.id],
    });
    // Saturday noon in London.
    const saturday = new Date("2026-11-21T12:00:00Z");
    const alertId = await buildRoutedAlert(database(), schoolId, { at: saturday });
    await schedulerAt(new ManualClock(saturday)).runOnce();
    expect(smtp.received.map((mail) => mail.to)).toEqual([["oncall@oak.example"]]);
    const hops = await findHops(database().db, scopeOf([schoolId]), alertId);
    expect(hops.map((hop) => [hop.contactName, hop.outcome, hop.reason])).toEqual([
      ["OSC", "skipped", "outside working hours"],
      ["On call", "notified", "in working hours"],
    ]);
  });

  it("sends a daily digest of the day's alerts by category and severity, once", async () => {
    smtp.received.length = 0;
    const { schoolId } = await buildSchool(database(), { name: "Digest School" });
    await buildContact(database(), schoolId, {
      name: "Head",
      email: "head-digest@oak.example",
      digests: ["daily"],
    });
    const yesterday = new Date("2026-11-20T10:00:00Z");
    await buildRoutedAlert(database(), schoolId, { at: yesterday, categories: ["bullying"], severity: 2 });
    await buildRoutedAlert(database(), schoolId, { at: yesterday, categories: ["bullying"], severity: 2 });
    await buildRoutedAlert(database(), schoolId, { at: yesterday, categories: ["self-harm"], severity: 4 });
    const clock = new ManualClock("2026-11-21T06:00:00Z");
    await schedulerAt(clock).runOnce();
    await schedulerAt(clock).runOnce();
    const digests = smtp.received.filter((mail) => mail.to.includes("head-digest@oak.example"));
    expect(digests).toHaveLength(1);
    const text = bodyOf(digests[0] ?? { from: "", to: [], raw: "" });
    expect(text).toContain("3 alert(s)");
    expect(text).toContain("- bullying, severity 2: 2");
    expect(text).toContain("- self-harm, severity 4: 1");
    expect(text).not.toContain("secret words");
  });
});
