import { expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { findAuditRecords } from "../platform/audit/audit.repository.js";
import { buildSchool } from "../test-support/builders.js";
import { scopeOf } from "./school-scope.js";
import { findSchool, findSchools } from "./school.repository.js";

forEachDialect("tenancy through the storage layer", (database) => {
  it("shows a school only its own rows", async () => {
    const { db } = database();
    const oak = await buildSchool(database(), { name: "Oak Primary" });
    const elm = await buildSchool(database(), { name: "Elm Academy", organisationId: oak.organisationId });
    const oakScope = scopeOf([oak.schoolId]);

    expect((await findSchools(db, oakScope)).map((school) => school.name)).toEqual(["Oak Primary"]);
    expect(await findSchool(db, oakScope, elm.schoolId)).toBeUndefined();
    const audit = await findAuditRecords(db, oakScope);
    expect(audit.length).toBeGreaterThan(0);
    expect(new Set(audit.map((record) => record.school_id))).toEqual(new Set([oak.schoolId]));
  });

  it("shows nothing to a caller with no schools", async () => {
    const { db } = database();
    await buildSchool(database());
    expect(await findSchools(db, scopeOf([]))).toEqual([]);
    expect(await findAuditRecords(db, scopeOf([]))).toEqual([]);
  });

  it("lets a caller who serves several schools see each of them", async () => {
    const { db } = database();
    const first = await buildSchool(database(), { name: "First" });
    const second = await buildSchool(database(), { name: "Second" });
    const names = (await findSchools(db, scopeOf([first.schoolId, second.schoolId]))).map(
      (school) => school.name,
    );
    expect(names).toEqual(["First", "Second"]);
  });
});
