import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RetentionView } from "../../contracts/console-settings.contract.js";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { buildUser, signInAs } from "../../identity/test-support/identity-builders.js";
import { startTestServer } from "../../identity/test-support/test-server.js";
import { purgeExpiredRecords } from "../../retention/purge-expired-records.js";
import { buildSchool } from "../../test-support/builders.js";
import { buildEvent, feedEvents } from "../test-support/console-world.js";

forEachDialect("retention in settings over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let url: string;

  beforeAll(async () => {
    app = await startTestServer(database(), { eventRetentionDays: 45 });
    ({ schoolId } = await buildSchool(database()));
    url = `/api/v1/schools/${schoolId}/retention`;
  });
  afterAll(() => app.close());

  it("refuses people not signed in and people of another school", async () => {
    expect((await app.inject({ url })).statusCode).toBe(401);
    const other = await buildSchool(database());
    const outsider = await signInAs(
      app,
      (await buildUser(database(), { schoolId: other.schoolId, role: "teacher" })).email,
    );
    expect((await outsider.request({ url })).statusCode).toBe(403);
  });

  it("shows the server's period, no purge yet, then the latest purge of this school with its count", async () => {
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    const before = (await teacher.request({ url })).json<RetentionView>();
    expect(before).toEqual({
      eventRetentionDays: 45,
      environmentVariable: "VIGIL_EVENT_RETENTION_DAYS",
      lastPurge: null,
    });
    const old = new Date(Date.now() - 60 * 86_400_000).toISOString();
    await feedEvents(
      database(),
      schoolId,
      [
        buildEvent({ kind: "web-visit", url: "https://example.org/a", time: old }),
        buildEvent({ kind: "web-visit", url: "https://example.org/b", time: old }),
      ],
      old,
    );
    const summary = await purgeExpiredRecords(database(), { eventRetentionDays: 45 });
    const after = (await teacher.request({ url })).json<RetentionView>();
    expect(after.lastPurge).toEqual({ at: expect.any(String) as string, events: 2, cutoff: summary.cutoff });
    expect(Date.now() - Date.parse(after.lastPurge?.at ?? "")).toBeLessThan(60_000);
  });
});
