/**
 * Builds the principal of a signed-in person: their roles in each school (an organisation-wide
 * role reaches every school of that organisation) and how far the session is with the second factor.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { organisationWideRoles, rolesRequiringTwoFactor } from "../platform/authz/policy-table.js";
import type { Principal, SchoolRoles, SecondFactorState } from "../platform/authz/principal.js";
import { activeGrants } from "../governance/access-request.repository.js";
import { isRestricted } from "../platform/authz/actions.js";
import { isRole, type Role } from "./roles.js";
import { findMemberships } from "./user.repository.js";

type UserPrincipal = Extract<Principal, { kind: "user" }>;

/** The principal for `user` in `session`. */
export async function loadUserPrincipal(
  db: Kysely<Database>,
  user: { id: string; email: string; display_name: string },
  session: { id: string; second_factor_at: string | null },
): Promise<UserPrincipal> {
  const schools = await loadSchoolRoles(db, user.id);
  const enrolled = await db
    .selectFrom("two_factor_credentials")
    .select("user_id")
    .where("user_id", "=", user.id)
    .where("confirmed_at", "is not", null)
    .executeTakeFirst();
  return {
    kind: "user",
    userId: user.id,
    sessionId: session.id,
    label: `${user.display_name} <${user.email}>`,
    schools,
    secondFactor: secondFactorState(session.second_factor_at !== null, enrolled !== undefined, schools),
  };
}

/** Roles per school, widened for organisation-wide roles. */
export async function loadSchoolRoles(db: Kysely<Database>, userId: string): Promise<SchoolRoles[]> {
  const memberships = await findMemberships(db, userId);
  const bySchool = new Map<string, { organisationId: string; roles: Set<Role> }>();
  const add = (schoolId: string, organisationId: string, role: Role) => {
    const entry = bySchool.get(schoolId) ?? { organisationId, roles: new Set<Role>() };
    entry.roles.add(role);
    bySchool.set(schoolId, entry);
  };
  const wide: { organisationId: string; role: Role }[] = [];
  for (const membership of memberships) {
    if (!isRole(membership.role)) continue; // a role this version does not know grants nothing
    add(membership.school_id, membership.organisation_id, membership.role);
    if (organisationWideRoles.has(membership.role)) {
      wide.push({ organisationId: membership.organisation_id, role: membership.role });
    }
  }
  if (wide.length > 0) {
    const schools = await db
      .selectFrom("schools")
      .select(["id", "organisation_id"])
      .where(
        "organisation_id",
        "in",
        wide.map((entry) => entry.organisationId),
      )
      .execute();
    for (const school of schools) {
      for (const entry of wide) {
        if (entry.organisationId === school.organisation_id)
          add(school.id, school.organisation_id, entry.role);
      }
    }
  }
  const grants = await activeGrants(db, userId);
  return [...bySchool.entries()].map(([schoolId, entry]) => ({
    schoolId,
    organisationId: entry.organisationId,
    roles: [...entry.roles].sort(),
    grants: grants.get(schoolId) ?? [],
  }));
}

function secondFactorState(
  verifiedInSession: boolean,
  enrolled: boolean,
  schools: readonly SchoolRoles[],
): SecondFactorState {
  if (verifiedInSession) return "verified";
  if (enrolled) return "verify-required";
  const required = schools.some(
    (school) =>
      school.roles.some((role) => rolesRequiringTwoFactor.has(role)) ||
      (school.grants ?? []).some(isRestricted),
  );
  return required ? "enrol-required" : "not-enrolled";
}
