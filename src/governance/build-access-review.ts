/**
 * The termly access review (seed 003: "access reviewed each term"): for one school, who holds
 * which roles, what that lets them see, which temporary grants are live, and the accounts that
 * need a look: not signed in for a term, never signed in, disabled or expired but still holding
 * roles, or with access beyond their role.
 */
import type { Kysely } from "kysely";
import type {
  AccessReviewReport,
  ReviewedPerson,
  ReviewFlag,
} from "../contracts/access-governance.contract.js";
import type { Database } from "../db/schema.js";
import { isRole } from "../identity/roles.js";
import { isAction, isRestricted, type Action } from "../platform/authz/actions.js";
import { everyMemberAbilities, roleAbilities } from "../platform/authz/policy-table.js";

/** About a school term: someone who has not signed in for this long may no longer need access. */
export const termDays = 100;
const dayMs = 24 * 60 * 60 * 1000;

/** Builds the report for `schoolId` as things are at `now`. */
export async function buildAccessReview(
  db: Kysely<Database>,
  schoolId: string,
  now = new Date(),
): Promise<AccessReviewReport> {
  const school = await db
    .selectFrom("schools")
    .select("name")
    .where("id", "=", schoolId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .leftJoin("two_factor_credentials as tf", (join) =>
      join.onRef("tf.user_id", "=", "users.id").on("tf.confirmed_at", "is not", null),
    )
    .select([
      "users.id",
      "users.display_name",
      "users.email",
      "users.last_sign_in_at",
      "users.expires_at",
      "users.disabled_at",
      "memberships.role",
      "tf.user_id as two_factor_user",
    ])
    .where("memberships.school_id", "=", schoolId)
    .orderBy("users.display_name")
    .orderBy("users.id")
    .execute();
  const byUser = new Map<string, { row: (typeof rows)[number]; roles: Set<string> }>();
  for (const row of rows) {
    const entry = byUser.get(row.id) ?? { row, roles: new Set<string>() };
    entry.roles.add(row.role);
    byUser.set(row.id, entry);
  }
  const people: ReviewedPerson[] = [];
  for (const { row, roles } of byUser.values()) {
    const grants = await grantsWithExpiry(db, row.id, schoolId, now);
    const abilities = new Set<Action>(everyMemberAbilities);
    for (const role of roles)
      if (isRole(role)) for (const action of roleAbilities[role]) abilities.add(action);
    for (const grant of grants) if (isAction(grant.action)) abilities.add(grant.action);
    const restricted = [...abilities].filter(isRestricted).sort();
    const person: ReviewedPerson = {
      userId: row.id,
      name: row.display_name,
      email: row.email,
      roles: [...roles].sort(),
      abilities: [...abilities].sort(),
      restricted,
      grants,
      lastSignInAt: row.last_sign_in_at,
      expiresAt: row.expires_at,
      disabled: row.disabled_at !== null,
      twoFactor: row.two_factor_user !== null,
      flags: [],
    };
    person.flags = flagsOf(person, now);
    people.push(person);
  }
  const flagged: Partial<Record<ReviewFlag, number>> = {};
  for (const person of people) for (const flag of person.flags) flagged[flag] = (flagged[flag] ?? 0) + 1;
  const last = await db
    .selectFrom("access_reviews")
    .innerJoin("users", "users.id", "access_reviews.reviewer_id")
    .select(["access_reviews.signed_at", "users.display_name"])
    .where("access_reviews.school_id", "=", schoolId)
    .orderBy("access_reviews.signed_at", "desc")
    .executeTakeFirst();
  return {
    schoolId,
    schoolName: school.name,
    generatedAt: now.toISOString(),
    termDays,
    people,
    flagged,
    lastSignOff: last ? { signedAt: last.signed_at, reviewer: last.display_name } : null,
    due: !last || now.getTime() - Date.parse(last.signed_at) > termDays * dayMs,
  };
}

/** True when nobody has signed the school's access review off within a term (cheap: one query). */
export async function isAccessReviewDue(db: Kysely<Database>, schoolId: string, now = new Date()) {
  const last = await db
    .selectFrom("access_reviews")
    .select("signed_at")
    .where("school_id", "=", schoolId)
    .orderBy("signed_at", "desc")
    .executeTakeFirst();
  return !last || now.getTime() - Date.parse(last.signed_at) > termDays * dayMs;
}

function flagsOf(person: ReviewedPerson, now: Date): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  if (person.lastSignInAt === null) flags.push("never-signed-in");
  else if (now.getTime() - Date.parse(person.lastSignInAt) > termDays * dayMs)
    flags.push("not-signed-in-this-term");
  if (person.disabled) flags.push("disabled-but-holds-roles");
  if (person.expiresAt !== null && Date.parse(person.expiresAt) <= now.getTime())
    flags.push("expired-but-holds-roles");
  if (person.grants.length > 0) flags.push("access-beyond-role");
  if (person.restricted.length > 0 && !person.twoFactor && !person.disabled)
    flags.push("restricted-without-two-factor");
  return flags;
}

async function grantsWithExpiry(db: Kysely<Database>, userId: string, schoolId: string, now: Date) {
  const rows = await db
    .selectFrom("access_requests")
    .select(["action", "granted_until"])
    .where("requester_id", "=", userId)
    .where("school_id", "=", schoolId)
    .where("status", "=", "approved")
    .where("granted_until", ">", now.toISOString())
    .orderBy("action")
    .execute();
  return rows.map((row) => ({ action: row.action, until: row.granted_until ?? "" }));
}
