import { describe, expect, it } from "vitest";
import { roles, type Role } from "../../identity/roles.js";
import { AppError } from "../errors/app-error.js";
import { actions, isRestricted } from "./actions.js";
import { abilitiesOf, authorize, can, schoolsWhere } from "./authorize.js";
import {
  everyMemberAbilities,
  roleAbilities,
  rolesRequiringTwoFactor,
  scopeAbilities,
} from "./policy-table.js";
import type { Principal, SecondFactorState } from "./principal.js";

const oak = "oak";
const elm = "elm";
const person = (roleAt: Record<string, Role[]>, secondFactor: SecondFactorState = "verified"): Principal => ({
  kind: "user",
  userId: "u1",
  sessionId: "s1",
  label: "Sam",
  schools: Object.entries(roleAt).map(([schoolId, held]) => ({
    schoolId,
    organisationId: "trust",
    roles: held,
  })),
  secondFactor,
});
const refusalOf = (...args: Parameters<typeof authorize>) => {
  try {
    authorize(...args);
  } catch (error) {
    return error instanceof AppError ? error.id : "not an AppError";
  }
  return undefined;
};

describe("the policy table", () => {
  it("requires a second factor of exactly the roles that can see restricted data", () => {
    expect([...rolesRequiringTwoFactor].sort()).toEqual([
      "auditor",
      "deputy-safeguarding-lead",
      "designated-safeguarding-lead",
      "head",
      "moderator",
      "network-manager",
      "online-safety-coordinator",
      "siro",
    ]);
  });

  it("gives a governor and a teacher nothing restricted", () => {
    for (const role of ["governor", "teacher", "information-asset-owner", "administrator"] as const) {
      expect(roleAbilities[role].filter(isRestricted)).toEqual([]);
    }
  });

  it("never lets an API token scope read restricted data", () => {
    expect(Object.values(scopeAbilities).flat().filter(isRestricted)).toEqual([]);
  });

  it("grants every action to some role or scope", () => {
    const granted = new Set([
      ...roles.flatMap((role) => roleAbilities[role]),
      ...everyMemberAbilities,
      ...Object.values(scopeAbilities).flat(),
    ]);
    expect(actions.filter((action) => !granted.has(action))).toEqual([]);
  });
});

describe("authorize", () => {
  it("refuses nobody with unauthenticated", () => {
    expect(refusalOf({ kind: "anonymous" }, "school.read", { schoolId: oak })).toBe("unauthenticated");
  });

  it("holds a session that must finish its second factor to two_factor_required, whatever the action", () => {
    const pending = person({ [oak]: ["designated-safeguarding-lead"] }, "enrol-required");
    expect(refusalOf(pending, "school.read", { schoolId: oak })).toBe("two_factor_required");
  });

  it("needs a verified second factor for a restricted action, and answers forbidden when the role lacks it", () => {
    const unverified = person({ [oak]: ["designated-safeguarding-lead", "teacher"] }, "not-enrolled");
    expect(refusalOf(unverified, "audit.read", { schoolId: oak })).toBe("two_factor_required");
    expect(can(person({ [oak]: ["designated-safeguarding-lead"] }), "audit.read", { schoolId: oak })).toBe(
      true,
    );
    expect(refusalOf(person({ [oak]: ["teacher"] }), "audit.read", { schoolId: oak })).toBe("forbidden");
  });

  it("allows an action only in the schools where a role grants it", () => {
    const admin = person({ [oak]: ["administrator"], [elm]: ["teacher"] });
    expect(can(admin, "users.manage", { schoolId: oak })).toBe(true);
    expect(can(admin, "users.manage", { schoolId: elm })).toBe(false);
    expect(can(admin, "users.manage", { schoolIds: [oak, elm] })).toBe(false);
    expect(can(admin, "users.manage", { schoolIds: [] })).toBe(false);
    expect(schoolsWhere(admin, "users.manage")).toEqual([oak]);
  });

  it("combines the abilities of several roles in a school", () => {
    const both = person({ [oak]: ["teacher", "governor"] });
    expect(abilitiesOf(both, oak)).toEqual(
      expect.arrayContaining(["concerns.report", "reports.read-anonymised"]),
    );
    expect(abilitiesOf(both, elm)).toEqual([]);
  });

  it("lets an API token do what its scopes allow in its own school only", () => {
    const token: Principal = {
      kind: "api-token",
      tokenId: "t1",
      schoolId: oak,
      scopes: ["events:write"],
      label: "agent",
    };
    expect(can(token, "events.write", { schoolId: oak })).toBe(true);
    expect(can(token, "events.write", { schoolId: elm })).toBe(false);
    expect(can(token, "users.read", { schoolId: oak })).toBe(false);
  });
});
