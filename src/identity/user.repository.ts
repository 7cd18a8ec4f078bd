/** Reads people and their memberships. Lists are always limited to the schools asked about. */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";

/** The user with this (lower-case) email, or undefined. */
export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
}

/** The user with this id, or undefined. */
export async function findUserById(db: Kysely<Database>, id: string) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every membership of one user, with the school's organisation. */
export async function findMemberships(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("schools", "schools.id", "memberships.school_id")
    .select([
      "memberships.id",
      "memberships.school_id",
      "memberships.role",
      "schools.organisation_id",
      "schools.name as school_name",
    ])
    .where("memberships.user_id", "=", userId)
    .orderBy("schools.name")
    .orderBy("memberships.role")
    .execute();
}

/** The people who hold a role in a school in scope, each with their memberships there. */
export async function findMembers(db: Kysely<Database>, scope: SchoolScope) {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select([
      "users.id",
      "users.email",
      "users.display_name",
      "users.disabled_at",
      "users.locked_at",
      "users.last_sign_in_at",
      "users.expires_at",
      "memberships.school_id",
      "memberships.role",
    ])
    .where((eb) => schoolInScope(eb, "memberships.school_id", scope))
    .orderBy("users.display_name")
    .orderBy("users.id")
    .orderBy("memberships.role")
    .execute();
  const members = new Map<string, MemberRow>();
  for (const row of rows) {
    const member = members.get(row.id) ?? { ...row, memberships: [] };
    member.memberships.push({ schoolId: row.school_id, role: row.role });
    members.set(row.id, member);
  }
  return [...members.values()];
}

type MemberRow = {
  id: string;
  email: string;
  display_name: string;
  disabled_at: string | null;
  locked_at: string | null;
  last_sign_in_at: string | null;
  expires_at: string | null;
  memberships: { schoolId: string; role: string }[];
};
