/**
 * Finds the school a `--school` option names, by id or by its exact name (any case). The option
 * may be left out when the instance has one school, as most single-school installs do.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { AppError } from "../platform/errors/app-error.js";

/** The school's id; a clear error when none or several match. */
export async function resolveSchool(db: Kysely<Database>, reference: string | undefined): Promise<string> {
  const schools = await db.selectFrom("schools").select(["id", "name"]).orderBy("name").execute();
  if (reference === undefined) {
    if (schools.length === 1 && schools[0]) return schools[0].id;
    const listed =
      schools.map((school) => `${school.name} (${school.id})`).join(", ") || "none yet: run `vigil setup`";
    throw new AppError("validation_failed", "Say which school with --school <id or name>.", {
      hint: `Schools: ${listed}.`,
    });
  }
  const byId = schools.find((school) => school.id === reference);
  if (byId) return byId.id;
  const byName = schools.filter((school) => school.name.toLowerCase() === reference.trim().toLowerCase());
  if (byName.length === 1 && byName[0]) return byName[0].id;
  const known = schools.map((school) => `${school.name} (${school.id})`).join(", ") || "none yet";
  throw new AppError(
    byName.length > 1 ? "conflict" : "not_found",
    byName.length > 1
      ? `Several schools are called "${reference}"; give the id instead.`
      : `No school is called "${reference}".`,
    { hint: `Schools: ${known}.` },
  );
}

/** The user id of an account, by email; a clear error when there is none. */
export async function resolveUser(db: Kysely<Database>, email: string): Promise<string> {
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user)
    throw new AppError("not_found", `No account has the email ${email}.`, { hint: "See `vigil user list`." });
  return user.id;
}
