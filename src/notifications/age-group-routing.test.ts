import { afterAll, beforeAll, expect, it } from "vitest";
import { recordAlerts } from "../alerts/record-alert.js";
import { buildSignal } from "../alerts/test-support/alert-builders.js";
import { PolicyInputSchema } from "../contracts/notification.contract.js";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { buildPupil } from "../directory/test-support/directory-builders.js";
import { ManualClock } from "../platform/jobs/clock.js";
import { scopeOf } from "../schools/school-scope.js";
import { buildSchool } from "../test-support/builders.js";
import { findHops } from "./delivery.repository.js";
import { enqueueAlertRouting } from "./enqueue-alert-routing.js";
import { smtpMailer } from "./mailer.js";
import { notificationScheduler } from "./notification-scheduler.js";
import { findPolicies, presentPolicy } from "./policy.repository.js";
import { startSmtpTestServer, type SmtpTestServer } from "./test-support/smtp-test-server.js";
import { buildContact, buildPolicy } from "./test-support/notification-builders.js";

forEachDialect("routing by age group", (database) => {
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
  });
  afterAll(() => smtp.close());

  it("tells a key stage 2 policy's contact about the Year 4 pupil's alert, not the Year 8 one's", async () => {
    smtp.received.length = 0;
    const { schoolId } = await buildSchool(database(), { name: "Elm Primary and Secondary" });
    await buildPupil(database(), schoolId, { username: "ben.y4", yearGroup: "4" });
    await buildPupil(database(), schoolId, { username: "amy.y8", yearGroup: "Year 8" });
    const primary = await buildContact(database(), schoolId, {
      name: "Primary DSL",
      email: "ks2@elm.example",
    });
    const everyone = await buildContact(database(), schoolId, { name: "Head", email: "head@elm.example" });
    await buildPolicy(database(), schoolId, {
      name: "Key stage 2 to the primary DSL",
      ageGroups: ["key-stage-2"],
      minSeverity: 1,
      atOnce: true,
      chain: [primary.id],
    });
    await buildPolicy(database(), schoolId, {
      name: "Everything to the head",
      minSeverity: 1,
      atOnce: true,
      chain: [everyone.id],
    });
    const now = new Date();
    const recorded = await database()
      .db.transaction()
      .execute(async (trx) => {
        const result = await recordAlerts(trx, database().capabilities, [
          buildSignal(schoolId, { userName: "ben.y4", time: now.toISOString() }),
          buildSignal(schoolId, { userName: "amy.y8", time: now.toISOString() }),
          buildSignal(schoolId, { userName: "visitor.wifi", time: now.toISOString() }),
        ]);
        await enqueueAlertRouting(trx, result.alerts, now);
        return result;
      });
    const [year4, year8, unknown] = recorded.alerts.map((alert) => alert.id);
    await notificationScheduler(database(), {
      config: { publicUrl: "https://vigil.elm.example" },
      mailer: smtpMailer(smtp.settings),
      clock: new ManualClock(new Date(now.getTime() + 1_000)),
    }).runOnce();

    const toldAbout = async (alertId: string | undefined) =>
      (await findHops(database().db, scopeOf([schoolId]), alertId ?? ""))
        .filter((hop) => hop.outcome !== "skipped")
        .map((hop) => hop.contactId)
        .sort();
    expect(await toldAbout(year4)).toEqual([primary.id, everyone.id].sort());
    expect(await toldAbout(year8)).toEqual([everyone.id]);
    // Someone the directory does not place matches only policies without age groups.
    expect(await toldAbout(unknown)).toEqual([everyone.id]);
    const primaryMail = smtp.received.filter((mail) => mail.to.includes("ks2@elm.example"));
    expect(primaryMail).toHaveLength(1);

    const [ks2Policy] = (await findPolicies(database().db, scopeOf([schoolId])))
      .map(presentPolicy)
      .filter((policy) => policy.ageGroups.length > 0);
    expect(ks2Policy?.ageGroups).toEqual(["key-stage-2"]);
  });

  it("refuses a policy naming an unknown age group, and says which", () => {
    const parsed = PolicyInputSchema.safeParse({
      name: "Bad",
      ageGroups: ["key-stage-2", "ks5"],
      minSeverity: 3,
      chain: ["0c8a3f3e-6b1f-4a7c-9a55-0b9f7a6c1d2e"],
    });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual(["ageGroups", 1]);
    expect(issue?.message).toContain("each age group must be one of early-years");
  });
});
