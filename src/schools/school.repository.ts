/** Reads organisations and schools, always within the caller's scope. */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { schoolInScope, type SchoolScope } from "./school-scope.js";

/** The schools in scope, by name. */
export async function findSchools(db: Kysely<Database>, scope: SchoolScope) {
  return db
    .selectFrom("schools")
    .selectAll()
    .where((eb) => schoolInScope(eb, "schools.id", scope))
    .orderBy("name")
    .execute();
}

/** One school, or undefined when it does not exist or is outside the scope. */
export async function findSchool(db: Kysely<Database>, scope: SchoolScope, schoolId: string) {
  return db
    .selectFrom("schools")
    .selectAll()
    .where("id", "=", schoolId)
    .where((eb) => schoolInScope(eb, "schools.id", scope))
    .executeTakeFirst();
}

/**
 * The scope of the operator at the server's shell, who can already read the database file:
 * every school. Only CLI commands use it; requests get a scope from the caller's memberships.
 */
export async function operatorScope(db: Kysely<Database>): Promise<SchoolScope> {
  const rows = await db.selectFrom("schools").select("id").execute();
  return { schoolIds: rows.map((row) => row.id) };
}
