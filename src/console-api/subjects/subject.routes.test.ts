import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SubjectSummary } from "../../contracts/console.contract.js";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import {
  auditEventsAbout,
  buildUser,
  enrolSecondFactor,
  signInAs,
} from "../../identity/test-support/identity-builders.js";
import { startTestServer } from "../../identity/test-support/test-server.js";
import { buildSchool } from "../../test-support/builders.js";
import { buildEvent, feedEvents } from "../test-support/console-world.js";

forEachDialect("pupil and device pages over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    await feedEvents(database(), schoolId, [
      buildEvent({
        user: "kai",
        device: "LAPTOP-01",
        time: "2026-03-05T09:00:00Z",
        text: "i want to kill myself",
      }),
      buildEvent({ user: "kai", device: "IPAD-02", time: "2026-03-05T11:00:00Z" }),
      buildEvent({ user: "lee", device: "LAPTOP-01", time: "2026-03-05T10:00:00Z" }),
    ]);
  });
  afterAll(() => app.close());

  it("refuses people who are not signed in, outsiders, and a bad school id", async () => {
    expect((await app.inject({ url: `/api/v1/schools/${schoolId}/pupils/kai` })).statusCode).toBe(401);
    const other = await buildSchool(database());
    const outsider = await signInAs(
      app,
      (await buildUser(database(), { schoolId: other.schoolId, role: "teacher" })).email,
    );
    expect((await outsider.request({ url: `/api/v1/schools/${schoolId}/pupils/kai` })).statusCode).toBe(403);
    const bad = await outsider.request({ url: "/api/v1/schools/oak/pupils/kai" });
    expect(bad.statusCode).toBe(400);
  });

  it("shows a teacher only the name", async () => {
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    const body = (
      await teacher.request({ url: `/api/v1/schools/${schoolId}/pupils/kai` })
    ).json<SubjectSummary>();
    expect(body).toEqual({ name: "kai", firstSeen: null, lastSeen: null, related: null, alerts: null });
  });

  it("shows a safeguarding lead a pupil's devices and alerts, and a device's pupils, audited", async () => {
    const lead = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" })).email,
    );
    await enrolSecondFactor(lead);
    const pupil = (
      await lead.request({ url: `/api/v1/schools/${schoolId}/pupils/kai` })
    ).json<SubjectSummary>();
    expect(pupil.firstSeen).toBe("2026-03-05T09:00:00.000Z");
    expect(pupil.lastSeen).toBe("2026-03-05T11:00:00.000Z");
    expect(pupil.related?.map((hit) => hit.name)).toEqual(["IPAD-02", "LAPTOP-01"]);
    expect(pupil.alerts).toEqual([expect.objectContaining({ categories: ["self-harm"], pupil: "kai" })]);
    const device = (
      await lead.request({ url: `/api/v1/schools/${schoolId}/devices/LAPTOP-01` })
    ).json<SubjectSummary>();
    expect(device.related?.map((hit) => hit.name)).toEqual(["lee", "kai"]);
    expect(await auditEventsAbout(database(), "kai")).toEqual(["pupil.viewed"]);
    expect(await auditEventsAbout(database(), "LAPTOP-01")).toEqual(["device.viewed"]);
  });
});
