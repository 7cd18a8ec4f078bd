/**
 * Reads the pupil directory, always within a school scope: a page of pupils by name (searched
 * by name or any identifier, filtered by year group, form and status), and one pupil in full.
 */
import type { Kysely } from "kysely";
import type { PupilListQuery, PupilSummary } from "../contracts/directory.contract.js";
import type { Database, PupilsTable } from "../db/schema.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";
import { decodePupilCursor, encodePupilCursor } from "./pupil-cursor.js";

/** One page of the school's pupils in name order, and the cursor of the next page (null at the end). */
export async function findPupils(
  db: Kysely<Database>,
  scope: SchoolScope,
  schoolId: string,
  query: PupilListQuery,
): Promise<{ pupils: PupilSummary[]; nextCursor: string | null }> {
  let select = db
    .selectFrom("pupils as p")
    .selectAll("p")
    .where("p.school_id", "=", schoolId)
    .where((eb) => schoolInScope(eb, "p.school_id", scope));
  if (query.status !== "all") select = select.where("p.status", "=", query.status);
  if (query.yearGroup) select = select.where("p.year_group", "=", query.yearGroup);
  if (query.form) select = select.where("p.form", "=", query.form);
  // Each word must match the given name, the family name or an identifier; `%` is not a wildcard here.
  for (const word of (query.q ?? "").toLowerCase().replaceAll("%", "").split(/\s+/).filter(Boolean)) {
    const pattern = `%${word}%`;
    select = select.where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["p.given_name"]), "like", pattern),
        eb(eb.fn("lower", ["p.family_name"]), "like", pattern),
        eb.exists(
          eb
            .selectFrom("directory_identifiers as i")
            .select("i.id")
            .whereRef("i.person_id", "=", "p.id")
            .where("i.identifier", "like", pattern),
        ),
      ]),
    );
  }
  if (query.cursor) {
    const [family, given, id] = decodePupilCursor(query.cursor);
    select = select.where((eb) =>
      eb.or([
        eb("p.family_name", ">", family),
        eb.and([eb("p.family_name", "=", family), eb("p.given_name", ">", given)]),
        eb.and([eb("p.family_name", "=", family), eb("p.given_name", "=", given), eb("p.id", ">", id)]),
      ]),
    );
  }
  const rows = await select
    .orderBy("p.family_name")
    .orderBy("p.given_name")
    .orderBy("p.id")
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const identifiers = await identifiersOf(
    db,
    page.map((row) => row.id),
  );
  return {
    pupils: page.map((row) => presentPupil(row, identifiers.get(row.id) ?? [])),
    nextCursor:
      rows.length > query.limit && last
        ? encodePupilCursor([last.family_name, last.given_name, last.id])
        : null,
  };
}

/** One pupil of the school, or undefined. */
export async function findPupil(
  db: Kysely<Database>,
  scope: SchoolScope,
  schoolId: string,
  pupilId: string,
): Promise<PupilSummary | undefined> {
  const row = await db
    .selectFrom("pupils")
    .selectAll()
    .where("id", "=", pupilId)
    .where("school_id", "=", schoolId)
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .executeTakeFirst();
  if (!row) return undefined;
  const identifiers = await identifiersOf(db, [row.id]);
  return presentPupil(row, identifiers.get(row.id) ?? []);
}

async function identifiersOf(
  db: Kysely<Database>,
  personIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byPerson = new Map<string, string[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom("directory_identifiers")
    .select(["person_id", "identifier"])
    .where("person_id", "in", personIds)
    .orderBy("identifier")
    .execute();
  for (const row of rows)
    byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row.identifier]);
  return byPerson;
}

function presentPupil(row: PupilsTable, identifiers: string[]): PupilSummary {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    yearGroup: row.year_group,
    form: row.form,
    sen: row.sen === 1,
    eal: row.eal === 1,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    status: row.status,
    identifiers,
  };
}
