/**
 * A school must always keep someone who can manage its accounts: the last active administrator
 * cannot lose the role or be disabled, or nobody could add staff, unlock accounts or end a leaver's
 * access without going to the server's shell.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { AppError } from "../../platform/errors/app-error.js";

/** Schools where `userId` is the only administrator whose account is not disabled. */
export async function schoolsWhereLastAdministrator(
  db: Kysely<Database>,
  userId: string,
  schoolIds?: readonly string[],
): Promise<string[]> {
  let query = db
    .selectFrom("memberships as mine")
    .innerJoin("users as me", "me.id", "mine.user_id")
    .select("mine.school_id")
    .where("mine.user_id", "=", userId)
    .where("me.disabled_at", "is", null)
    .where("mine.role", "=", "administrator")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("memberships as other")
            .innerJoin("users", "users.id", "other.user_id")
            .select("other.user_id")
            .whereRef("other.school_id", "=", "mine.school_id")
            .where("other.role", "=", "administrator")
            .where("other.user_id", "!=", userId)
            .where("users.disabled_at", "is", null),
        ),
      ),
    );
  if (schoolIds) {
    if (schoolIds.length === 0) return [];
    query = query.where("mine.school_id", "in", schoolIds);
  }
  return (await query.execute()).map((row) => row.school_id);
}

/** Refuses, naming what to do instead, when the change would leave a school without an administrator. */
export async function assertAnotherAdministratorRemains(
  db: Kysely<Database>,
  userId: string,
  change: "revoke" | "disable",
  schoolIds?: readonly string[],
): Promise<void> {
  const schools = await schoolsWhereLastAdministrator(db, userId, schoolIds);
  if (schools.length === 0) return;
  const what = change === "revoke" ? "lose the administrator role" : "be disabled";
  throw new AppError(
    "conflict",
    `This person is the only active administrator of ${schools.length === 1 ? "a school" : `${schools.length} schools`} and cannot ${what}.`,
    { hint: "Make someone else an administrator of the school first, then try again." },
  );
}
