import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AlertDetail, AlertQueuePage } from "../contracts/alert.contract.js";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { buildPupil } from "../directory/test-support/directory-builders.js";
import {
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../identity/test-support/identity-builders.js";
import { startTestServer } from "../identity/test-support/test-server.js";
import { buildSchool } from "../test-support/builders.js";
import { recordAlerts } from "./record-alert.js";
import { buildSignal } from "./test-support/alert-builders.js";

forEachDialect("alerts by age group", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let dsl: TestSession;
  const ids: Record<"year8" | "year4" | "unknown" | "otherSchool", string> = {
    year8: "",
    year4: "",
    unknown: "",
    otherSchool: "",
  };

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    const other = await buildSchool(database());
    await buildPupil(database(), schoolId, { username: "amy.y8", yearGroup: "Year 8" });
    await buildPupil(database(), schoolId, { username: "ben.y4", yearGroup: "Y4" });
    // The same user name in another school is another person: its year group must not leak.
    await buildPupil(database(), other.schoolId, { username: "cal.unknown", yearGroup: "12" });
    // One batch, as the pipeline writes it: the directory is asked once for all of them.
    const recorded = await database()
      .db.transaction()
      .execute((trx) =>
        recordAlerts(trx, database().capabilities, [
          // Capture may see the name in another case than the directory stored it.
          buildSignal(schoolId, { userName: "Amy.Y8" }),
          buildSignal(schoolId, { userName: "ben.y4" }),
          buildSignal(schoolId, { userName: "cal.unknown" }),
          buildSignal(other.schoolId, { userName: "cal.unknown" }),
        ]),
      );
    expect(recorded.created).toBe(4);
    const [year8, year4, unknown, otherSchool] = recorded.alerts.map((alert) => alert.id);
    Object.assign(ids, { year8, year4, unknown, otherSchool });
    const user = await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" });
    dsl = await signInAs(app, user.email);
    await enrolSecondFactor(dsl);
  });
  afterAll(() => app.close());

  it("stores the pupil's age group from the directory when the alert is recorded", async () => {
    const rows = await database()
      .db.selectFrom("alerts")
      .select(["id", "age_group"])
      .where("id", "in", Object.values(ids))
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row.age_group]));
    expect(byId.get(ids.year8)).toBe("key-stage-3");
    expect(byId.get(ids.year4)).toBe("key-stage-2");
    expect(byId.get(ids.unknown)).toBeNull();
    expect(byId.get(ids.otherSchool)).toBe("sixth-form");
  });

  it("filters the queue by age group, and shows each alert's", async () => {
    const page = async (query: string) => {
      const response = await dsl.request({ url: `/api/v1/schools/${schoolId}/alerts?${query}` });
      expect(response.statusCode).toBe(200);
      return response.json<AlertQueuePage>().alerts;
    };
    const ks3 = await page("ageGroup=key-stage-3");
    expect(ks3.map((alert) => alert.id)).toEqual([ids.year8]);
    expect(ks3[0]?.ageGroup).toBe("key-stage-3");
    expect((await page("ageGroup=key-stage-2")).map((alert) => alert.id)).toEqual([ids.year4]);
    expect(await page("ageGroup=sixth-form")).toEqual([]);
    const all = await page("");
    expect(all.map((alert) => alert.id).sort()).toEqual([ids.year8, ids.year4, ids.unknown].sort());
    expect(all.find((alert) => alert.id === ids.unknown)?.ageGroup).toBeNull();
    const detail = await dsl.request({ url: `/api/v1/alerts/${ids.year4}` });
    expect(detail.json<AlertDetail>().ageGroup).toBe("key-stage-2");
  });

  it("names an unknown age group", async () => {
    const bad = await dsl.request({ url: `/api/v1/schools/${schoolId}/alerts?ageGroup=ks3` });
    expect(bad.statusCode).toBe(400);
    const error = bad.json<{ error: { message: string; fields: { path: string; message: string }[] } }>()
      .error;
    expect(error.fields[0]?.path).toBe("ageGroup");
    expect(error.fields[0]?.message).toContain("key-stage-3");
  });
});
