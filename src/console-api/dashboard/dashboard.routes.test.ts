import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DashboardResponse } from "../../contracts/console.contract.js";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { buildUser, enrolSecondFactor, signInAs } from "../../identity/test-support/identity-builders.js";
import { startTestServer } from "../../identity/test-support/test-server.js";
import { buildIncident } from "../../incidents/test-support/incident-builders.js";
import { buildSchool } from "../../test-support/builders.js";
import { buildEvent, feedEvents } from "../test-support/console-world.js";
import { QUIET_SOURCE_AFTER_MINUTES } from "./quiet-sources.js";

forEachDialect("the dashboard over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let url: string;

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    url = `/api/v1/schools/${schoolId}/dashboard`;
    const now = new Date();
    const longAgo = new Date(now.getTime() - (QUIET_SOURCE_AFTER_MINUTES + 5) * 60_000).toISOString();
    await feedEvents(
      database(),
      schoolId,
      [buildEvent({ source: "old-proxy", kind: "web-visit", url: "https://example.org/" })],
      longAgo,
    );
    await buildIncident(database(), schoolId);
    await buildIncident(database(), schoolId, { summary: "Unkind messages in a group chat" });
    await feedEvents(database(), schoolId, [
      buildEvent({ text: "honestly i want to kill myself", time: now.toISOString(), user: "ann" }),
      buildEvent({ text: "what time is lunch", time: now.toISOString() }),
    ]);
  });
  afterAll(() => app.close());

  it("refuses people who are not signed in, people of another school, and a bad school id", async () => {
    expect((await app.inject({ url })).statusCode).toBe(401);
    const other = await buildSchool(database());
    const outsider = await signInAs(
      app,
      (await buildUser(database(), { schoolId: other.schoolId, role: "teacher" })).email,
    );
    expect((await outsider.request({ url })).statusCode).toBe(403);
    const bad = await outsider.request({ url: "/api/v1/schools/not-a-uuid/dashboard" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path).toBe("schoolId");
  });

  it("shows a teacher the sources but not the alerts", async () => {
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    const body = (await teacher.request({ url })).json<DashboardResponse>();
    expect(body.alerts).toBeNull();
    expect(body.incidents).toBeNull();
    expect(body.sources.items.map((item) => item.source)).toEqual(["old-proxy", "chrome-extension"]);
  });

  it("shows a safeguarding lead today's alerts, the waiting queue, the trend and the quiet source", async () => {
    const lead = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" })).email,
    );
    await enrolSecondFactor(lead);
    const response = await lead.request({ url });
    expect(response.statusCode).toBe(200);
    const body = response.json<DashboardResponse>();
    expect(body.alerts?.today.total).toBe(1);
    expect(body.alerts?.today.byCategory).toEqual([{ category: "self-harm", count: 1 }]);
    expect(body.alerts?.today.bySeverity).toEqual([{ severity: 4, count: 1 }]);
    expect(body.alerts?.queue.waiting).toBe(1);
    expect(body.alerts?.queue.oldest[0]?.categories).toEqual(["self-harm"]);
    expect(body.alerts?.trend).toHaveLength(30);
    expect(body.alerts?.trend.at(-1)).toEqual({ day: new Date().toISOString().slice(0, 10), count: 1 });
    expect(body.alerts?.trend.slice(0, -1).every((day) => day.count === 0)).toBe(true);
    expect(body.incidents).toEqual({ open: 2, overdueActions: 0, followUpsDue: 0 });
    expect(body.sources.quietAfterMinutes).toBe(QUIET_SOURCE_AFTER_MINUTES);
    expect(body.sources.items).toEqual([
      expect.objectContaining({ source: "old-proxy", quiet: true }),
      expect.objectContaining({ source: "chrome-extension", quiet: false }),
    ]);
  });
});
