import { afterAll, beforeAll, expect, it } from "vitest";
import { findAlertQueue } from "../alerts/alert.repository.js";
import { presentAlertSummary } from "../alerts/alert.presenter.js";
import { recordAlerts } from "../alerts/record-alert.js";
import { buildSignal } from "../alerts/test-support/alert-builders.js";
import { AlertQueueQuerySchema } from "../contracts/alert.contract.js";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { buildPupil, buildStaff } from "../directory/test-support/directory-builders.js";
import { ManualClock } from "../platform/jobs/clock.js";
import { scopeOf } from "../schools/school-scope.js";
import { buildSchool } from "../test-support/builders.js";
import { defaultPolicyTemplates } from "./default-policies.js";
import { findHops } from "./delivery.repository.js";
import { enqueueAlertRouting } from "./enqueue-alert-routing.js";
import { smtpMailer } from "./mailer.js";
import { notificationScheduler } from "./notification-scheduler.js";
import { findPolicies, presentPolicy } from "./policy.repository.js";
import { startSmtpTestServer, type SmtpTestServer } from "./test-support/smtp-test-server.js";
import { buildContact, buildPolicy } from "./test-support/notification-builders.js";

forEachDialect("routing alerts about a member of staff", (database) => {
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
  });
  afterAll(() => smtp.close());

  it("marks a staff member's alert and tells the head at once; a pupil's alert is not", async () => {
    smtp.received.length = 0;
    const { schoolId } = await buildSchool(database(), { name: "Oak Academy" });
    await buildStaff(database(), schoolId, { username: "Mr.Jones" });
    await buildPupil(database(), schoolId, { username: "amy.y8", yearGroup: "8" });
    const dsl = await buildContact(database(), schoolId, { name: "DSL", email: "dsl@oak.example" });
    // Working hours that never include now: only "at once" reaches the head.
    const head = await buildContact(database(), schoolId, {
      name: "Head",
      email: "head@oak.example",
      workingHours: { days: ["sun"], start: "00:00", end: "00:01", timeZone: "Europe/London" },
    });
    const templates = defaultPolicyTemplates({ dsl: dsl.id, head: head.id });
    const staffTemplate = templates.find((template) => template.aboutStaff);
    expect(staffTemplate).toMatchObject({
      name: "Anything about a member of staff: the head, at once",
      atOnce: true,
      minSeverity: 1,
      categories: [],
      chain: [head.id],
    });
    await buildPolicy(database(), schoolId, staffTemplate ?? {});
    await buildPolicy(database(), schoolId, {
      name: "Everything to the DSL",
      minSeverity: 1,
      atOnce: true,
      chain: [dsl.id],
    });

    const now = new Date();
    const recorded = await database()
      .db.transaction()
      .execute(async (trx) => {
        const result = await recordAlerts(trx, database().capabilities, [
          // Capture may spell the name in another case: names compare lower-cased.
          buildSignal(schoolId, { userName: "MR.JONES", time: now.toISOString(), severity: 2 }),
          buildSignal(schoolId, { userName: "amy.y8", time: now.toISOString(), severity: 2 }),
          buildSignal(schoolId, { userName: "visitor.wifi", time: now.toISOString(), severity: 2 }),
        ]);
        await enqueueAlertRouting(trx, result.alerts, now);
        return result;
      });
    const [staffAlert, pupilAlert, unknownAlert] = recorded.alerts.map((alert) => alert.id);
    const kinds = await database()
      .db.selectFrom("alerts")
      .select(["id", "subject_kind"])
      .where("school_id", "=", schoolId)
      .execute();
    const kindOf = (id: string | undefined) => kinds.find((row) => row.id === id)?.subject_kind;
    expect([kindOf(staffAlert), kindOf(pupilAlert), kindOf(unknownAlert)]).toEqual(["staff", "pupil", null]);

    await notificationScheduler(database(), {
      config: { publicUrl: "https://vigil.oak.example" },
      mailer: smtpMailer(smtp.settings),
      clock: new ManualClock(new Date(now.getTime() + 1_000)),
    }).runOnce();
    const toldAbout = async (alertId: string | undefined) =>
      (await findHops(database().db, scopeOf([schoolId]), alertId ?? ""))
        .filter((hop) => hop.outcome !== "skipped")
        .map((hop) => hop.contactId)
        .sort();
    expect(await toldAbout(staffAlert)).toEqual([dsl.id, head.id].sort());
    expect(await toldAbout(pupilAlert)).toEqual([dsl.id]);
    expect(await toldAbout(unknownAlert)).toEqual([dsl.id]);
    expect(smtp.received.filter((mail) => mail.to.includes("head@oak.example"))).toHaveLength(1);

    const policies = (await findPolicies(database().db, scopeOf([schoolId]))).map(presentPolicy);
    expect(policies.filter((policy) => policy.aboutStaff).map((policy) => policy.chain)).toEqual([[head.id]]);

    // The queue shows the mark and filters by it.
    const queue = async (aboutStaff?: string) =>
      (
        await findAlertQueue(
          database().db,
          scopeOf([schoolId]),
          schoolId,
          AlertQueueQuerySchema.parse(aboutStaff === undefined ? {} : { aboutStaff }),
        )
      ).rows.map(presentAlertSummary);
    expect((await queue()).find((alert) => alert.id === staffAlert)?.aboutStaff).toBe(true);
    expect((await queue("true")).map((alert) => alert.id)).toEqual([staffAlert]);
    expect((await queue("false")).map((alert) => alert.id).sort()).toEqual([pupilAlert, unknownAlert].sort());
  });
});
