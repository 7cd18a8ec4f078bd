import { expect, it } from "vitest";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { verifyPassword } from "../../identity/password.js";
import { findMemberships, findUserByEmail } from "../../identity/user.repository.js";
import { buildSchool, testActor } from "../../test-support/builders.js";
import { ensureDemoSafeguardingLead } from "./demo-safeguarding-lead.js";

forEachDialect("the demo safeguarding lead", (database) => {
  it("is made once, as a designated safeguarding lead whose password works, and shown once", async () => {
    const { schoolId } = await buildSchool(database());
    const first = await ensureDemoSafeguardingLead(database(), testActor, schoolId);
    expect(first.email).toMatch(/@demo\.invalid$/);
    expect(first.password).toMatch(/^[0-9a-f]{5}(-[0-9a-f]{5}){3}$/);
    const user = await findUserByEmail(database().db, first.email);
    expect(user && (await verifyPassword(user.password_hash ?? "", first.password ?? ""))).toBe(true);
    const memberships = await findMemberships(database().db, user?.id ?? "");
    expect(memberships.map((membership) => [membership.school_id, membership.role])).toEqual([
      [schoolId, "designated-safeguarding-lead"],
    ]);
    const second = await ensureDemoSafeguardingLead(database(), testActor, schoolId);
    expect(second).toEqual({ email: first.email, password: null });
  });
});
