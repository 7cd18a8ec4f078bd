/**
 * What an administrator must be allowed to manage before changing someone's account or roles.
 * A role that reaches a whole organisation can only be given or taken by someone who manages
 * users in every school of it; an account can only be unlocked or disabled by someone who
 * manages users in every school the person belongs to.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import type { Subject } from "../../platform/authz/authorize.js";
import { organisationWideRoles } from "../../platform/authz/policy-table.js";
import type { Role } from "../roles.js";

/** The subject to authorize `users.manage` on before granting or revoking `role` in `schoolId`. */
export async function roleChangeSubject(
  db: Kysely<Database>,
  schoolId: string,
  role: Role,
): Promise<Subject> {
  if (!organisationWideRoles.has(role)) return { schoolId };
  const schools = await db
    .selectFrom("schools as target")
    .innerJoin("schools as sibling", "sibling.organisation_id", "target.organisation_id")
    .select("sibling.id")
    .where("target.id", "=", schoolId)
    .execute();
  return { schoolIds: schools.map((school) => school.id) };
}

/** The subject to authorize `users.manage` on before unlocking or disabling `userId`. */
export async function accountSubject(db: Kysely<Database>, userId: string): Promise<Subject> {
  const memberships = await db
    .selectFrom("memberships")
    .select("school_id")
    .distinct()
    .where("user_id", "=", userId)
    .execute();
  return { schoolIds: memberships.map((membership) => membership.school_id) };
}
