import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DirectoryImportReport, PupilSummary } from "../contracts/directory.contract.js";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { createApiToken } from "../identity/api-tokens/create-api-token.js";
import {
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../identity/test-support/identity-builders.js";
import { startTestServer } from "../identity/test-support/test-server.js";
import { inTransaction } from "../platform/context/write-context.js";
import { buildSchool, testActor } from "../test-support/builders.js";
import { eventsOfLeavers, isMonitored, unmonitoredIdentifiers } from "./monitoring.js";
import { elmBundle, elmSchoolName, simplePupilCsv, teacherEmail } from "./test-support/oneroster-fixtures.js";

type ErrorBody = { error: { id: string; message: string; fields?: { path: string; message: string }[] } };

forEachDialect("the directory", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let admin: TestSession;
  let dsl: TestSession;
  let teacher: TestSession;
  let leavingTeacherId: string;
  const importUrl = () => `/api/v1/schools/${schoolId}/directory/import`;
  const importBundle = (files: Record<string, string>, extra: Record<string, unknown> = {}) =>
    admin.request({ method: "POST", url: importUrl(), payload: { format: "oneroster", files, ...extra } });
  const countPupils = async () =>
    (await database().db.selectFrom("pupils").select("id").where("school_id", "=", schoolId).execute())
      .length;
  const listPupils = async (query = "") => {
    const response = await dsl.request({ url: `/api/v1/schools/${schoolId}/directory/pupils${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<{ pupils: PupilSummary[]; nextCursor: string | null }>();
  };

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database(), { name: elmSchoolName }));
    admin = await signInAs(app, (await buildUser(database(), { schoolId, role: "administrator" })).email);
    dsl = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" })).email,
    );
    await enrolSecondFactor(dsl);
    teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
  });
  afterAll(() => app.close());

  describe("refusals", () => {
    it("answers 403 to a teacher, and two_factor_required to a DSL without a second factor", async () => {
      const imported = await teacher.request({
        method: "POST",
        url: importUrl(),
        payload: { format: "oneroster", files: elmBundle() },
      });
      expect(imported.statusCode).toBe(403);
      const anonymous = await app.inject({
        method: "POST",
        url: importUrl(),
        payload: { format: "csv", files: {} },
      });
      expect(anonymous.statusCode).toBe(401);
      const listed = await teacher.request({ url: `/api/v1/schools/${schoolId}/directory/pupils` });
      expect(listed.statusCode).toBe(403);
      const fresh = await signInAs(
        app,
        (await buildUser(database(), { schoolId, role: "deputy-safeguarding-lead" })).email,
      );
      const unverified = await fresh.request({ url: `/api/v1/schools/${schoolId}/directory/pupils` });
      expect(unverified.statusCode).toBe(403);
      expect(unverified.json<ErrorBody>().error.id).toBe("two_factor_required");
    });

    it("refuses a bundle with bad rows, naming file, line, column and reason, and stores nothing", async () => {
      const response = await importBundle(
        elmBundle({ users: { "tea-1": "tea-1,,,true,org-elm,teacher,mjones,,Mary,Jones,,,mary@,,,,," } }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().error.fields).toEqual([
        { path: "users.csv line 5, email", message: '"mary@" is not a valid email address' },
      ]);
      expect(await countPupils()).toBe(0);
    });

    it("refuses a bundle whose org is not this school", async () => {
      const bundle = elmBundle();
      bundle["orgs.csv"] = bundle["orgs.csv"]!.replace(elmSchoolName, "Oak Primary");
      const response = await importBundle(bundle);
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().error.message).toContain(
        `The bundle's org does not match the school ${elmSchoolName}: no org in the bundle is called "${elmSchoolName}". The bundle's orgs: Elm Trust (org-trust), Oak Primary (org-elm).`,
      );
      expect(await countPupils()).toBe(0);
    });
  });

  it("a dry run reports what an import would do and stores nothing", async () => {
    const response = await importBundle(elmBundle(), { dryRun: true });
    expect(response.statusCode).toBe(200);
    expect(response.json<DirectoryImportReport>()).toMatchObject({ dryRun: true, added: 4 });
    expect(await countPupils()).toBe(0);
  });

  it("imports the bundle: pupils with year group and form, the teacher linked to their account", async () => {
    leavingTeacherId = (await buildUser(database(), { schoolId, role: "teacher", email: teacherEmail }))
      .userId;
    const response = await importBundle(elmBundle());
    expect(response.statusCode).toBe(200);
    expect(response.json<DirectoryImportReport>()).toEqual({
      format: "oneroster",
      dryRun: false,
      full: true,
      org: { sourcedId: "org-elm", name: elmSchoolName },
      added: 4,
      changed: 0,
      left: 0,
      unchanged: 0,
      pupils: { added: 3, changed: 0, left: 0, unchanged: 0 },
      staff: { added: 1, changed: 0, left: 0, unchanged: 0 },
      devices: { added: 0, changed: 0, left: 0, unchanged: 0 },
      ignored: 1,
      accountsDisabled: 0,
      rolesRemoved: 0,
    });
    const { pupils } = await listPupils();
    expect(pupils.map((pupil) => [pupil.familyName, pupil.yearGroup, pupil.form, pupil.status])).toEqual([
      ["Patel", "08", "8B", "active"],
      ["Smith", "07", "7A", "active"],
      ["Wong", "07", "7A", "active"],
    ]);
    expect(pupils[1]?.identifiers).toEqual(["j.smith@elm.example", "jsmith"]);
    const staff = await database()
      .db.selectFrom("directory_staff")
      .select("user_id")
      .where("school_id", "=", schoolId)
      .executeTakeFirstOrThrow();
    expect(staff.user_id).toBe(leavingTeacherId);
    const audits = await database()
      .db.selectFrom("audit_records")
      .select(["event", "data"])
      .where("school_id", "=", schoolId)
      .where("event", "in", ["directory.imported", "directory.viewed"])
      .execute();
    expect(audits.map((record) => record.event)).toEqual(["directory.imported", "directory.viewed"]);
    expect(audits[0]?.data).not.toContain("Smith");
  });

  it("re-importing the same bundle changes nothing, also through a directory:write API token", async () => {
    const again = await importBundle(elmBundle());
    expect(again.json<DirectoryImportReport>()).toMatchObject({
      added: 0,
      changed: 0,
      left: 0,
      unchanged: 4,
    });
    const { token } = await inTransaction(database(), { actor: testActor, ip: null }, (ctx) =>
      createApiToken(ctx, { schoolId, name: "MIS sync", scopes: ["directory:write"] }),
    );
    const headers = { authorization: `Bearer ${token}` };
    const viaToken = await app.inject({
      method: "POST",
      url: importUrl(),
      headers,
      payload: { format: "oneroster", files: elmBundle() },
    });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json<DirectoryImportReport>()).toMatchObject({ added: 0, changed: 0, unchanged: 4 });
    const read = await app.inject({ url: `/api/v1/schools/${schoolId}/directory/pupils`, headers });
    expect(read.statusCode).toBe(403);
  });

  it("a bundle without a pupil and the teacher: both leave at once, monitoring stops, the account is disabled", async () => {
    const leaver = await signInAs(app, teacherEmail);
    expect((await leaver.request({ url: "/api/v1/me" })).statusCode).toBe(200);
    expect(await isMonitored(database().db, schoolId, "APatel")).toBe(true);

    const response = await importBundle(
      elmBundle({
        users: { "stu-2": undefined, "tea-1": undefined },
        enrolments: { "stu-2": undefined, "tea-1": undefined },
      }),
    );
    expect(response.json<DirectoryImportReport>()).toMatchObject({
      added: 0,
      changed: 0,
      left: 2,
      unchanged: 2,
      accountsDisabled: 1,
    });
    expect(await isMonitored(database().db, schoolId, "APatel")).toBe(false);
    expect(await isMonitored(database().db, schoolId, "mjones")).toBe(false);
    expect(await isMonitored(database().db, schoolId, "jsmith")).toBe(true);
    expect(await isMonitored(database().db, schoolId, "never-heard-of")).toBe(true);
    expect(
      await unmonitoredIdentifiers(database().db, schoolId, ["apatel", "j.smith@elm.example", "mjones"]),
    ).toEqual(new Set(["apatel", "mjones"]));
    const batch = [
      { id: "e1", school_id: schoolId, user_name: "APATEL" },
      { id: "e2", school_id: schoolId, user_name: "jsmith" },
      { id: "e3", school_id: schoolId, user_name: null },
    ];
    expect(await eventsOfLeavers(database().db, batch)).toEqual(new Set(["e1"]));
    // The same username in another school is that school's business.
    const other = await buildSchool(database());
    expect(await isMonitored(database().db, other.schoolId, "apatel")).toBe(true);

    const account = await database()
      .db.selectFrom("users")
      .select("disabled_at")
      .where("id", "=", leavingTeacherId)
      .executeTakeFirstOrThrow();
    expect(account.disabled_at).not.toBeNull();
    expect((await leaver.request({ url: "/api/v1/me" })).statusCode).toBe(401);

    const left = await listPupils("?status=left");
    expect(left.pupils.map((pupil) => [pupil.familyName, pupil.status, pupil.leftOn !== null])).toEqual([
      ["Patel", "left", true],
    ]);
    const detail = await dsl.request({
      url: `/api/v1/schools/${schoolId}/directory/pupils/${left.pupils[0]?.id ?? ""}`,
    });
    expect(detail.json<{ pupil: PupilSummary }>().pupil).toMatchObject({
      familyName: "Patel",
      status: "left",
    });
  });

  it("a starter appears with their year group; a returning pupil is active again", async () => {
    const response = await importBundle(
      elmBundle({
        users: {
          "tea-1": undefined,
          "stu-4": "stu-4,,,true,org-elm,student,kokafor,,Kemi,Okafor,,,,,,,09,",
        },
        enrolments: { "tea-1": undefined },
      }),
    );
    expect(response.json<DirectoryImportReport>()).toMatchObject({
      added: 1,
      changed: 1,
      left: 0,
      unchanged: 2,
    });
    const { pupils } = await listPupils("?q=okaf");
    expect(pupils.map((pupil) => [pupil.givenName, pupil.yearGroup, pupil.form])).toEqual([
      ["Kemi", "09", null],
    ]);
    expect(await isMonitored(database().db, schoolId, "apatel")).toBe(true);
  });

  it("lists by keyset pages, searches by name or username, filters by year group and form", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: { pupils: PupilSummary[]; nextCursor: string | null } = await listPupils(
        `?status=all&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.pupils.map((pupil) => pupil.familyName));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(["Okafor", "Patel", "Smith", "Wong"]);
    expect((await listPupils("?q=j.smith")).pupils.map((pupil) => pupil.familyName)).toEqual(["Smith"]);
    expect((await listPupils("?q=lee%20wong")).pupils.map((pupil) => pupil.familyName)).toEqual(["Wong"]);
    expect((await listPupils("?yearGroup=07&form=7A")).pupils).toHaveLength(2);
    const bad = await dsl.request({
      url: `/api/v1/schools/${schoolId}/directory/pupils?cursor=nonsense&limit=0`,
    });
    expect(bad.statusCode).toBe(400);
  });

  it("imports devices assigned to pupils, naming a bad row, and lists them", async () => {
    const send = (csv: string) =>
      admin.request({
        method: "POST",
        url: importUrl(),
        payload: { format: "devices", files: { "devices.csv": csv } },
      });
    const header = "name,kind,hostname,mac,assigned_to\n";
    const bad = await send(`${header}LAPTOP-07,assigned,,00:1A:2B:3C:4D:5E,nobody\nLAB-01,shared,,zz,\n`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields).toEqual([
      { path: "devices.csv line 3, mac", message: '"zz" is not a MAC address such as 00:1a:2b:3c:4d:5e' },
    ]);
    const unknown = await send(`${header}LAPTOP-07,assigned,,,nobody\n`);
    expect(unknown.json<ErrorBody>().error.fields).toEqual([
      {
        path: "devices.csv line 2, assigned_to",
        message: 'no pupil or member of staff at the school has the username "nobody"',
      },
    ]);
    const good = `${header}LAPTOP-07,assigned,laptop-07.elm.internal,00-1A-2B-3C-4D-5E,JSmith\nLAB-01,shared,,,\n`;
    expect((await send(good)).json<DirectoryImportReport>()).toMatchObject({
      devices: { added: 2, changed: 0, left: 0, unchanged: 0 },
      pupils: { added: 0, left: 0 },
    });
    expect((await send(good)).json<DirectoryImportReport>()).toMatchObject({
      added: 0,
      changed: 0,
      unchanged: 2,
    });
    const listed = await dsl.request({ url: `/api/v1/schools/${schoolId}/directory/devices` });
    const { devices } = listed.json<{
      devices: { id: string; name: string; mac: string | null; pupilId: string | null }[];
    }>();
    expect(devices.map((device) => [device.name, device.mac, device.pupilId !== null])).toEqual([
      ["LAB-01", null, false],
      ["LAPTOP-07", "00:1a:2b:3c:4d:5e", true],
    ]);
    const detail = await dsl.request({
      url: `/api/v1/schools/${schoolId}/directory/devices/${devices[1]?.id ?? ""}`,
    });
    expect(detail.json<{ device: { hostname: string } }>().device.hostname).toBe("laptop-07.elm.internal");
    expect(await countPupils()).toBe(4);
  });

  it("a leaver who works at another school loses only this school's roles; the last administrator is refused", async () => {
    const other = await buildSchool(database());
    const shared = await buildUser(database(), {
      schoolId,
      role: "teacher",
      extra: [{ schoolId: other.schoolId, role: "teacher" }],
    });
    const adminEmail = (
      await database()
        .db.selectFrom("users")
        .innerJoin("memberships", "memberships.user_id", "users.id")
        .select("users.email")
        .where("memberships.school_id", "=", schoolId)
        .where("memberships.role", "=", "administrator")
        .executeTakeFirstOrThrow()
    ).email;
    const staffRows = {
      "tea-1": undefined,
      "tea-2": `tea-2,,,true,org-elm,teacher,shared1,,Sol,Shared,,,${shared.email},,,,,`,
      "adm-1": `adm-1,,,true,org-elm,administrator,admin1,,Ada,Admin,,,${adminEmail},,,,,`,
    };
    const withBoth = await importBundle(elmBundle({ users: staffRows, enrolments: { "tea-1": undefined } }));
    expect(withBoth.json<DirectoryImportReport>()).toMatchObject({ staff: { added: 2 } });

    const pupilsBefore = await listPupils("?status=all");
    const refused = await importBundle(
      elmBundle({
        users: { ...staffRows, "adm-1": undefined, "stu-1": undefined },
        enrolments: { "tea-1": undefined, "stu-1": undefined },
      }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.message).toBe(
      "Ada Admin has left, but their access cannot end: This person is the only active administrator of a school and cannot be disabled.",
    );
    // Nothing of the refused import was applied: John Smith is still active.
    expect(await listPupils("?status=all")).toEqual(pupilsBefore);

    const sharedLeaves = await importBundle(
      elmBundle({ users: { ...staffRows, "tea-2": undefined }, enrolments: { "tea-1": undefined } }),
    );
    expect(sharedLeaves.json<DirectoryImportReport>()).toMatchObject({
      staff: { left: 1 },
      accountsDisabled: 0,
      rolesRemoved: 1,
    });
    const memberships = await database()
      .db.selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["memberships.school_id", "users.disabled_at"])
      .where("memberships.user_id", "=", shared.userId)
      .execute();
    expect(memberships).toEqual([{ school_id: other.schoolId, disabled_at: null }]);
  });

  it("imports a simple CSV into another school, with SEN and EAL flags, idempotently", async () => {
    const oak = await buildSchool(database(), { name: "Oak Primary" });
    const oakAdmin = await signInAs(
      app,
      (await buildUser(database(), { schoolId: oak.schoolId, role: "administrator" })).email,
    );
    const send = (rows: string[]) =>
      oakAdmin.request({
        method: "POST",
        url: `/api/v1/schools/${oak.schoolId}/directory/import`,
        payload: { format: "csv", files: { "pupils.csv": simplePupilCsv(rows) } },
      });
    const rows = ["bsun,Bo,Sun,3,3S,yes,yes,2024-09-04,", "cdee,Cat,Dee,4,4D,no,no,2023-09-05,"];
    expect((await send(rows)).json<DirectoryImportReport>()).toMatchObject({
      added: 2,
      full: true,
      org: null,
    });
    expect((await send(rows)).json<DirectoryImportReport>()).toMatchObject({
      added: 0,
      changed: 0,
      unchanged: 2,
    });
    expect((await send([rows[0]!])).json<DirectoryImportReport>()).toMatchObject({ left: 1, unchanged: 1 });
    const sun = await database()
      .db.selectFrom("pupils")
      .select(["sen", "eal", "year_group"])
      .where("school_id", "=", oak.schoolId)
      .where("family_name", "=", "Sun")
      .executeTakeFirstOrThrow();
    expect(sun).toEqual({ sen: 1, eal: 1, year_group: "3" });
    // Elm's administrator cannot import into Oak.
    const crossSchool = await admin.request({
      method: "POST",
      url: `/api/v1/schools/${oak.schoolId}/directory/import`,
      payload: { format: "csv", files: { "pupils.csv": simplePupilCsv(rows) } },
    });
    expect(crossSchool.statusCode).toBe(403);
  });
});
