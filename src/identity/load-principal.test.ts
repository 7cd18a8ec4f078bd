import { expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { buildSchool } from "../test-support/builders.js";
import { loadSchoolRoles, loadUserPrincipal } from "./load-principal.js";
import { buildUser } from "./test-support/identity-builders.js";

forEachDialect("a person's roles per school", (database) => {
  it("widens a moderator's membership to every school of the organisation, and no further", async () => {
    const oak = await buildSchool(database());
    const sibling = await buildSchool(database(), { organisationId: oak.organisationId });
    const outsider = await buildSchool(database());
    const { userId } = await buildUser(database(), { schoolId: oak.schoolId, role: "moderator" });
    const schools = await loadSchoolRoles(database().db, userId);
    expect(schools.map((school) => school.schoolId).sort()).toEqual([oak.schoolId, sibling.schoolId].sort());
    expect(schools.map((school) => school.schoolId)).not.toContain(outsider.schoolId);
  });

  it("keeps separate roles in separate schools", async () => {
    const oak = await buildSchool(database());
    const elm = await buildSchool(database());
    const { userId, email } = await buildUser(database(), {
      schoolId: oak.schoolId,
      role: "teacher",
      extra: [{ schoolId: elm.schoolId, role: "governor" }],
    });
    const principal = await loadUserPrincipal(
      database().db,
      { id: userId, email, display_name: "T" },
      { id: "s", second_factor_at: null },
    );
    expect(principal.schools.find((school) => school.schoolId === elm.schoolId)?.roles).toEqual(["governor"]);
    expect(principal.secondFactor).toBe("not-enrolled");
  });
});
