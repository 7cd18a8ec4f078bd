/** Resolves `--school` (an id or an exact name) for CLI commands; optional when there is one school. */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { usageError } from "./cli-errors.js";

/** The school's id; a clear error naming the known schools when `given` matches none. */
export async function chooseSchool(db: Kysely<Database>, given: string | undefined): Promise<string> {
  const schools = await db.selectFrom("schools").select(["id", "name"]).orderBy("name").execute();
  const known =
    schools.map((school) => `${school.name} (${school.id})`).join(", ") || "none yet: run `vigil setup`";
  if (given === undefined) {
    if (schools.length === 1 && schools[0]) return schools[0].id;
    throw usageError("Say which school with --school <id or name>.", `Schools: ${known}.`);
  }
  const found = schools.find(
    (school) => school.id === given || school.name.toLowerCase() === given.toLowerCase(),
  );
  if (!found) throw usageError(`There is no school "${given}".`, `Schools: ${known}.`);
  return found.id;
}
