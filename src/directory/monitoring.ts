/**
 * Whether capture should still monitor an identifier it sees (a logon name, an account, an email).
 * An identifier is left alone only when the directory knows it and everyone holding it has left:
 * a leaver's browsing is no longer the school's to watch. Names the directory does not know are
 * monitored, so a school without an imported directory loses nothing.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { normaliseIdentifier } from "./import/directory-snapshot.js";

const identifiersPerQuery = 500;

/** The identifiers among `identifiers` that are no longer monitored in `schoolId` (lower-cased). */
export async function unmonitoredIdentifiers(
  db: Kysely<Database>,
  schoolId: string,
  identifiers: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(identifiers.map(normaliseIdentifier).filter((identifier) => identifier !== ""))];
  const active = new Set<string>();
  const left = new Set<string>();
  for (let start = 0; start < wanted.length; start += identifiersPerQuery) {
    const rows = await db
      .selectFrom("directory_identifiers as i")
      .leftJoin("pupils as p", "p.id", "i.person_id")
      .leftJoin("directory_staff as s", "s.id", "i.person_id")
      .select(["i.identifier", "p.status as pupilStatus", "s.status as staffStatus"])
      .where("i.school_id", "=", schoolId)
      .where("i.identifier", "in", wanted.slice(start, start + identifiersPerQuery))
      .execute();
    for (const row of rows) {
      const status = row.pupilStatus ?? row.staffStatus;
      (status === "active" ? active : left).add(row.identifier);
    }
  }
  return new Set([...left].filter((identifier) => !active.has(identifier)));
}

/** True unless the directory knows `identifier` in `schoolId` and all who hold it have left. */
export async function isMonitored(
  db: Kysely<Database>,
  schoolId: string,
  identifier: string,
): Promise<boolean> {
  const unmonitored = await unmonitoredIdentifiers(db, schoolId, [identifier]);
  return unmonitored.size === 0;
}

/**
 * The ids of the events whose user is no longer monitored (everyone holding that name has left),
 * for the pipeline to skip before detection: one query per school in the batch.
 */
export async function eventsOfLeavers(
  db: Kysely<Database>,
  events: readonly { id: string; school_id: string; user_name: string | null }[],
): Promise<Set<string>> {
  const skipped = new Set<string>();
  const bySchool = new Map<string, { id: string; user: string }[]>();
  for (const event of events) {
    if (event.user_name === null) continue;
    const list = bySchool.get(event.school_id) ?? [];
    list.push({ id: event.id, user: normaliseIdentifier(event.user_name) });
    bySchool.set(event.school_id, list);
  }
  for (const [schoolId, ofSchool] of bySchool) {
    const unmonitored = await unmonitoredIdentifiers(
      db,
      schoolId,
      ofSchool.map((event) => event.user),
    );
    for (const event of ofSchool) if (unmonitored.has(event.user)) skipped.add(event.id);
  }
  return skipped;
}
