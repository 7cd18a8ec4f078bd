import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { SearchResponse } from "../../contracts/console.contract.js";
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

forEachDialect("the global search over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let url: string;

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    url = `/api/v1/schools/${schoolId}/search`;
    await feedEvents(database(), schoolId, [
      buildEvent({ user: "Jamie.Cole@oak.example", device: "JC-IPAD", text: "i want to kill myself" }),
      buildEvent({
        user: "jamal.ade@oak.example",
        device: "LAPTOP-09",
        kind: "web-visit",
        url: "https://jamboard.example/x",
      }),
      buildEvent({ user: "ann@oak.example", text: "hello" }),
    ]);
    const other = await buildSchool(database());
    await feedEvents(database(), other.schoolId, [buildEvent({ user: "jane.elsewhere@birch.example" })]);
  });
  afterAll(() => app.close());

  it("refuses people who are not signed in, and names a search that is too short", async () => {
    expect((await app.inject({ url: `${url}?q=ja` })).statusCode).toBe(401);
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    const short = await teacher.request({ url: `${url}?q=j` });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields[0]).toEqual({
      path: "q",
      message: "Type at least 2 characters to search",
    });
  });

  it("gives a teacher nothing about pupils", async () => {
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    const body = (await teacher.request({ url: `${url}?q=ja` })).json<SearchResponse>();
    expect(body).toEqual({ query: "ja", pupils: null, devices: null, sites: null, alerts: null });
  });

  it("finds pupils, devices, sites and alerts by prefix, in this school only, and audits it", async () => {
    const lead = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" })).email,
    );
    await enrolSecondFactor(lead);
    const body = (await lead.request({ url: `${url}?q=JA` })).json<SearchResponse>();
    expect(body.pupils?.map((hit) => hit.name).sort()).toEqual([
      "Jamie.Cole@oak.example",
      "jamal.ade@oak.example",
    ]);
    expect(body.sites?.map((hit) => hit.name)).toEqual(["jamboard.example"]);
    expect(body.alerts).toEqual([
      expect.objectContaining({ pupil: "Jamie.Cole@oak.example", categories: ["self-harm"] }),
    ]);
    const devices = (await lead.request({ url: `${url}?q=jc-` })).json<SearchResponse>();
    expect(devices.devices?.map((hit) => hit.name)).toEqual(["JC-IPAD"]);
    const byId = (
      await lead.request({ url: `${url}?q=${body.alerts?.[0]?.id ?? ""}` })
    ).json<SearchResponse>();
    expect(byId.alerts).toHaveLength(1);
    expect(await auditEventsAbout(database(), schoolId)).toContain("search.performed");
  });
});
