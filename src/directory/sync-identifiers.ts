/** Keeps a person's identifiers (the names capture sees) equal to those the import lists. */
import { randomUUID } from "node:crypto";
import type { WriteContext } from "../platform/context/write-context.js";
import type { PersonIdentifier } from "./import/directory-snapshot.js";

export type StoredIdentifier = { identifier: string; kind: string };

/** True when the stored identifiers differ from `wanted` (order does not matter). */
export function identifiersDiffer(
  stored: readonly StoredIdentifier[],
  wanted: readonly PersonIdentifier[],
): boolean {
  const key = (item: StoredIdentifier) => `${item.kind}\u0000${item.identifier}`;
  const a = new Set(stored.map(key));
  const b = new Set(wanted.map(key));
  return a.size !== b.size || [...a].some((item) => !b.has(item));
}

/** Replaces the person's identifiers with `wanted`. */
export async function replaceIdentifiers(
  ctx: WriteContext,
  schoolId: string,
  person: { kind: "pupil" | "staff"; id: string },
  wanted: readonly PersonIdentifier[],
): Promise<void> {
  await ctx.trx.deleteFrom("directory_identifiers").where("person_id", "=", person.id).execute();
  if (wanted.length === 0) return;
  const now = new Date().toISOString();
  await ctx.trx
    .insertInto("directory_identifiers")
    .values(
      wanted.map((item) => ({
        id: randomUUID(),
        school_id: schoolId,
        identifier: item.identifier,
        kind: item.kind,
        person_kind: person.kind,
        person_id: person.id,
        created_at: now,
      })),
    )
    .execute();
}

/** Every stored identifier of the school's people, by person id. */
export async function identifiersByPerson(
  ctx: WriteContext,
  schoolId: string,
): Promise<Map<string, StoredIdentifier[]>> {
  const rows = await ctx.trx
    .selectFrom("directory_identifiers")
    .select(["person_id", "identifier", "kind"])
    .where("school_id", "=", schoolId)
    .execute();
  const byPerson = new Map<string, StoredIdentifier[]>();
  for (const row of rows) {
    const list = byPerson.get(row.person_id) ?? [];
    list.push({ identifier: row.identifier, kind: row.kind });
    byPerson.set(row.person_id, list);
  }
  return byPerson;
}
