/**
 * Which org of a OneRoster bundle is this school: the one named by the caller, else the one the
 * school's earlier imports used, else the one whose name is the school's. A bundle for another
 * school is refused, so one school's pupils never land in another's directory.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { AppError } from "../platform/errors/app-error.js";
import type { DirectorySnapshot } from "./import/directory-snapshot.js";

type Org = DirectorySnapshot["orgs"][number];

/** The matching org; `validation_failed` naming the bundle's orgs when none matches. */
export async function chooseOrg(
  db: Kysely<Database>,
  schoolId: string,
  orgs: readonly Org[],
  requested: string | undefined,
): Promise<Org> {
  const school = await db.selectFrom("schools").select("name").where("id", "=", schoolId).executeTakeFirst();
  if (!school) throw new AppError("not_found", "There is no such school.");
  const previous = await db
    .selectFrom("directory_imports")
    .select("org_sourced_id")
    .where("school_id", "=", schoolId)
    .where("org_sourced_id", "is not", null)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  const wanted = requested ?? previous?.org_sourced_id ?? undefined;
  const name = school.name.trim().toLowerCase();
  const match = wanted
    ? orgs.find((org) => org.sourcedId === wanted)
    : orgs.find((org) => org.name.trim().toLowerCase() === name);
  if (match) return match;
  const listed = orgs.map((org) => `${org.name} (${org.sourcedId})`).join(", ") || "none";
  const reason = wanted
    ? `this school's directory comes from the org ${wanted}, which the bundle does not contain`
    : `no org in the bundle is called "${school.name}"`;
  throw new AppError(
    "validation_failed",
    `The bundle's org does not match the school ${school.name}: ${reason}. The bundle's orgs: ${listed}.`,
    {
      fields: [{ path: "orgs.csv", message: reason }],
      hint: "Check that the bundle is this school's export; if the org is this school under another name, name it with --org <sourcedId> (orgSourcedId in the API).",
    },
  );
}
