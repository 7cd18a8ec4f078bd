import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RulePrecision, Suppression } from "../contracts/alert.contract.js";
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
import { recordAlerts } from "./record-alert.js";
import { buildAlert, buildSignal } from "./test-support/alert-builders.js";

forEachDialect("the alert feedback loop", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let dsl: TestSession;

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    dsl = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" })).email,
    );
    await enrolSecondFactor(dsl);
  });
  afterAll(() => app.close());

  const precisionOf = async (ruleId: string) => {
    const body = (
      await dsl.request({ url: `/api/v1/schools/${schoolId}/rule-precision` })
    ).json<RulePrecision>();
    return { rule: body.rules.find((rule) => rule.ruleId === ruleId), noisiest: body.noisiest };
  };

  it("lowers a rule's precision when one of its alerts is dismissed as a false positive", async () => {
    const ruleIds = ["en.violence.shoot"];
    const kept = await buildAlert(database(), schoolId, { ruleIds });
    const dismissed = await buildAlert(database(), schoolId, { ruleIds });
    const triage = (alertId: string, status: string) =>
      dsl.request({ method: "POST", url: `/api/v1/alerts/${alertId}/triage`, payload: { status } });
    await triage(kept, "no-action");
    await triage(dismissed, "in-review");
    expect((await precisionOf("en.violence.shoot")).rule?.precision).toBe(1);
    await triage(dismissed, "false-positive");
    const after = await precisionOf("en.violence.shoot");
    expect(after.rule).toMatchObject({ confirmed: 1, falsePositives: 1, precision: 0.5 });
    expect(after.noisiest[0]?.ruleId).toBe("en.violence.shoot");
  });

  it("stops the next identical alert with a suppression made from an alert, counting what it hid", async () => {
    const userName = "pupil.suppressed";
    const alertId = await buildAlert(database(), schoolId, { userName, ruleIds: ["en.drugs.weed"] });
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const bad = await dsl.request({
      method: "POST",
      url: `/api/v1/alerts/${alertId}/suppress`,
      payload: { scope: "user", until: "tomorrow", reason: "x" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path)).toEqual([
      "until",
      "reason",
    ]);
    const made = await dsl.request({
      method: "POST",
      url: `/api/v1/alerts/${alertId}/suppress`,
      payload: { scope: "user", until, reason: "a project on drug policy" },
    });
    expect(made.statusCode).toBe(201);
    const [suppressionId] = made.json<{ ids: string[] }>().ids;
    expect(await auditEventsAbout(database(), suppressionId ?? "")).toEqual(["alert-suppression.created"]);

    // Closed first, so the repeat would otherwise open a new alert rather than join this one.
    await dsl.request({
      method: "POST",
      url: `/api/v1/alerts/${alertId}/triage`,
      payload: { status: "no-action" },
    });
    const record = (fields: Parameters<typeof buildSignal>[1]) =>
      database()
        .db.transaction()
        .execute((trx) => recordAlerts(trx, database().capabilities, [buildSignal(schoolId, fields)]));
    const stopped = await record({ userName, ruleIds: ["en.drugs.weed"] });
    expect(stopped).toMatchObject({ created: 0, suppressed: 1, alerts: [] });
    // Another pupil, or another rule alongside it, is not hidden.
    expect((await record({ userName: "pupil.other", ruleIds: ["en.drugs.weed"] })).created).toBe(1);
    expect((await record({ userName, ruleIds: ["en.drugs.weed", "en.self-harm.cut"] })).created).toBe(1);

    const listed = (await dsl.request({ url: `/api/v1/schools/${schoolId}/alert-suppressions` })).json<{
      suppressions: Suppression[];
    }>().suppressions;
    expect(listed.find((row) => row.id === suppressionId)).toMatchObject({
      scope: "user",
      value: userName,
      suppressedCount: 1,
      inForce: true,
      sourceAlertId: alertId,
    });

    // Past its date it no longer applies: the next identical signal is an alert again.
    await database()
      .db.updateTable("alert_suppressions")
      .set({ until: new Date(Date.now() - 1000).toISOString() })
      .where("id", "=", suppressionId ?? "")
      .execute();
    expect((await record({ userName, ruleIds: ["en.drugs.weed"] })).created).toBe(1);
  });

  it("creates, lists and ends a site suppression, refusing a date in the past", async () => {
    const url = `/api/v1/schools/${schoolId}/alert-suppressions`;
    const past = await dsl.request({
      method: "POST",
      url,
      payload: {
        ruleId: "en.violence.shoot",
        scope: "site",
        value: "Games.Example",
        until: "2020-01-01T00:00:00Z",
        reason: "game site",
      },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json<{ error: { message: string } }>().error.message).toContain(
      "until must be in the future",
    );
    const missing = await dsl.request({
      method: "POST",
      url,
      payload: {
        ruleId: "en.violence.shoot",
        scope: "site",
        until: "2099-01-01T00:00:00Z",
        reason: "game site",
      },
    });
    expect(missing.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path).toBe("value");
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const created = await dsl.request({
      method: "POST",
      url,
      payload: {
        ruleId: "en.violence.shoot",
        scope: "site",
        value: "Games.Example",
        until,
        reason: "game site",
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const hidden = await database()
      .db.transaction()
      .execute((trx) =>
        recordAlerts(trx, database().capabilities, [
          buildSignal(schoolId, { url: "https://www.games.example/play", ruleIds: ["en.violence.shoot"] }),
        ]),
      );
    expect(hidden.suppressed).toBe(1);
    const ended = await dsl.request({
      method: "POST",
      url: `${url}/${id}/end`,
      payload: { reason: "term over" },
    });
    expect(ended.statusCode).toBe(200);
    const again = await dsl.request({
      method: "POST",
      url: `${url}/${id}/end`,
      payload: { reason: "term over" },
    });
    expect(again.statusCode).toBe(409);
    expect(await auditEventsAbout(database(), id)).toEqual([
      "alert-suppression.created",
      "alert-suppression.ended",
    ]);
  });

  it("serves the pupil messages to the agent without a key", async () => {
    const response = await app.inject({ url: "/api/v1/agent/responses" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("116 123");
  });
});
