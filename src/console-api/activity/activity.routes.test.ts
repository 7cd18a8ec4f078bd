import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ActivityPage } from "../../contracts/console.contract.js";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import {
  auditEventsAbout,
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../../identity/test-support/identity-builders.js";
import { startTestServer } from "../../identity/test-support/test-server.js";
import { buildSchool } from "../../test-support/builders.js";
import { buildEvent, feedEvents } from "../test-support/console-world.js";

const minute = (n: number) => new Date(Date.UTC(2026, 2, 5, 9, n)).toISOString();

forEachDialect("the activity explorer over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let url: string;
  let lead: TestSession;

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    url = `/api/v1/schools/${schoolId}/activity`;
    const events = Array.from({ length: 25 }, (_, n) =>
      buildEvent({
        kind: "web-visit",
        url: `https://site${n}.example/`,
        time: minute(n % 20), // 5 pairs share a time, so paging must break ties by id
        user: n % 2 === 0 ? "ann" : "bob",
        device: n % 5 === 0 ? "LAPTOP-01" : "LAPTOP-02",
        filterCategory: n === 3 ? "=cmd|' /C calc'!A0" : "education",
      }),
    );
    events.push(buildEvent({ kind: "search", engine: "google", query: "homework help", time: minute(30) }));
    await feedEvents(database(), schoolId, events);
    lead = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" })).email,
    );
    await enrolSecondFactor(lead);
  });
  afterAll(() => app.close());

  it("refuses people who are not signed in, roles without browsing access, and an unfinished second factor", async () => {
    expect((await app.inject({ url })).statusCode).toBe(401);
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    expect((await teacher.request({ url })).statusCode).toBe(403);
    expect((await teacher.request({ url: `${url}.csv` })).statusCode).toBe(403);
    const unverified = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" })).email,
    );
    expect((await unverified.request({ url })).json<{ error: { id: string } }>().error.id).toBe(
      "two_factor_required",
    );
  });

  it("names the wrong filter, and refuses a cursor it did not give out", async () => {
    const bad = await lead.request({ url: `${url}?kind=phone-call&from=yesterday&limit=5000` });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["kind", "from", "limit"]));
    const backwards = await lead.request({ url: `${url}?from=${minute(10)}&to=${minute(5)}` });
    expect(backwards.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path).toBe("to");
    const forged = await lead.request({ url: `${url}?cursor=not-a-cursor` });
    expect(forged.statusCode).toBe(400);
    expect(forged.json<{ error: { message: string } }>().error.message).toContain("cursor");
  });

  it("pages newest first by keyset without repeats or gaps, and filters", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const page: ActivityPage = (await lead.request({ url: `${url}?limit=7${query}` })).json();
      seen.push(...page.items.map((item) => item.id));
      const times = page.items.map((item) => item.time);
      expect([...times].sort().reverse()).toEqual(times);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(26);

    const ann: ActivityPage = (await lead.request({ url: `${url}?pupil=ann&device=LAPTOP-01` })).json();
    expect(ann.items.every((item) => item.pupil === "ann" && item.device === "LAPTOP-01")).toBe(true);
    expect(ann.items).toHaveLength(3);
    const searches: ActivityPage = (await lead.request({ url: `${url}?kind=search` })).json();
    expect(searches.items).toEqual([expect.objectContaining({ kind: "search", text: "homework help" })]);
    const early: ActivityPage = (
      await lead.request({ url: `${url}?from=${minute(0)}&to=${minute(1)}` })
    ).json();
    expect(early.items).toHaveLength(4);
    const category: ActivityPage = (await lead.request({ url: `${url}?category=education` })).json();
    expect(category.items).toHaveLength(24);
  });

  it("audits each read with its filters", async () => {
    await lead.request({ url: `${url}?pupil=bob` });
    const events = await auditEventsAbout(database(), schoolId);
    expect(events).toContain("activity.viewed");
    const row = await database()
      .db.selectFrom("audit_records")
      .select("data")
      .where("event", "=", "activity.viewed")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.data)).toEqual({ pupil: "bob", page: "first" });
  });

  it("exports every matching event as CSV, audited, with formulas defused", async () => {
    const response = await lead.request({ url: `${url}.csv?pupil=bob` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toContain("attachment");
    const lines = response.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("time,kind,pupil,device,url,host,text,action,category,source,id");
    expect(lines).toHaveLength(13);
    expect(response.body).toContain(",'=cmd|' /C calc'!A0,");
    expect(await auditEventsAbout(database(), schoolId)).toContain("activity.exported");
  });
});
