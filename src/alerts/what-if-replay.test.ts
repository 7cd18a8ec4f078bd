import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { WhatIfResult } from "../contracts/alert.contract.js";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import {
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../identity/test-support/identity-builders.js";
import { startTestServer } from "../identity/test-support/test-server.js";
import { shippedDetector } from "../library/shipped-detector.js";
import { shippedUrlLookup } from "../library/shipped-url-lookup.js";
import { buildSchool } from "../test-support/builders.js";
import { replayWhatIf } from "./what-if-replay.js";

forEachDialect("the what-if replay", (database) => {
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
    const now = Date.now();
    const texts = [
      "i want to kill myself tonight",
      "homework is due on friday",
      "i want to kill myself",
      "lunch was nice",
    ];
    await database()
      .db.insertInto("events")
      .values(
        texts.map((text, index) => ({
          id: randomUUID(),
          school_id: schoolId,
          source: "test",
          sender_id: randomUUID(),
          kind: "typed-text",
          time: new Date(now - (index + 1) * 3_600_000).toISOString(),
          user_name: `pupil.${index}`,
          device: null,
          ip: null,
          url: null,
          host: null,
          text,
          action: null,
          filter_category: null,
          detail: null,
          received_at: new Date(now).toISOString(),
          processed_at: new Date(now).toISOString(),
        })),
      )
      .execute();
  });
  afterAll(() => app.close());

  it("refuses a teacher and names a bad change", async () => {
    const url = `/api/v1/schools/${schoolId}/alerts/what-if`;
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    expect((await teacher.request({ method: "POST", url, payload: {} })).statusCode).toBe(403);
    const bad = await dsl.request({
      method: "POST",
      url,
      payload: { change: { kind: "threshold", category: "self-harm", threshold: 0 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path).toBe(
      "change.threshold",
    );
  });

  it("shows the alerts a higher threshold or a suppression would remove", async () => {
    const url = `/api/v1/schools/${schoolId}/alerts/what-if`;
    const raised = await dsl.request({
      method: "POST",
      url,
      payload: { change: { kind: "threshold", category: "self-harm", threshold: 10_000 } },
    });
    expect(raised.statusCode).toBe(200);
    const result = raised.json<WhatIfResult>();
    expect(result).toMatchObject({ eventsReplayed: 4, truncated: false, before: 2, after: 0 });
    expect(result.disappear.count).toBe(2);
    // pupil.2 wrote only "kill myself" (one rule); pupil.0's text fired a second rule too.
    const ruleId = "en.self-harm.kill-myself";
    expect(result.disappear.sample.map((item) => (item as { ruleIds: string[] }).ruleIds)).toContainEqual([
      ruleId,
    ]);
    const suppressed = (
      await dsl.request({
        method: "POST",
        url,
        payload: { change: { kind: "suppression", ruleId, scope: "user", value: "pupil.2" } },
      })
    ).json<WhatIfResult>();
    expect(suppressed).toMatchObject({ before: 2, after: 1, disappear: { count: 1 }, appear: { count: 0 } });
  });

  it("stops at its bound and says so", async () => {
    const tools = { detector: shippedDetector().detector, lookup: shippedUrlLookup(), maxEvents: 3 };
    const change = { kind: "threshold" as const, category: "self-harm" as const, threshold: 10 };
    const result = await replayWhatIf(database().db, schoolId, { change, days: 30 }, tools);
    expect(result).toMatchObject({ eventsReplayed: 3, truncated: true });
  });
});
