/**
 * Brings a school's pupils in line with an import: starters are added with their year group,
 * changes are applied, and leavers (missing from a full import, or marked gone in it) are marked
 * left at once, which stops their identifiers being monitored. Nothing is deleted.
 */
import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import type { PupilsTable } from "../db/schema.js";
import type { WriteContext } from "../platform/context/write-context.js";
import type { PupilRecord } from "./import/directory-snapshot.js";
import { identifiersByPerson, identifiersDiffer, replaceIdentifiers } from "./sync-identifiers.js";

export interface SyncCounts {
  added: number;
  changed: number;
  left: number;
  unchanged: number;
}

/** Applies `incoming` to the school's pupils; `full` makes anyone missing a leaver. */
export async function syncPupils(
  ctx: WriteContext,
  schoolId: string,
  incoming: readonly PupilRecord[],
  full: boolean,
  today: string,
): Promise<SyncCounts> {
  const counts: SyncCounts = { added: 0, changed: 0, left: 0, unchanged: 0 };
  const now = new Date().toISOString();
  const existing = await ctx.trx.selectFrom("pupils").selectAll().where("school_id", "=", schoolId).execute();
  const byExternalId = new Map(existing.map((row) => [row.external_id, row]));
  const identifiers = await identifiersByPerson(ctx, schoolId);
  const listed = new Set<string>();

  for (const pupil of incoming) {
    listed.add(pupil.externalId);
    const stored = byExternalId.get(pupil.externalId);
    if (!stored) {
      // Someone the school never had, already gone: nothing to record.
      if (pupil.leftOn !== null) continue;
      const id = randomUUID();
      await ctx.trx
        .insertInto("pupils")
        .values({
          id,
          school_id: schoolId,
          external_id: pupil.externalId,
          ...fieldsOf(pupil, undefined, today),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await replaceIdentifiers(ctx, schoolId, { kind: "pupil", id }, pupil.identifiers);
      counts.added += 1;
      continue;
    }
    const wanted = fieldsOf(pupil, stored, today);
    const fieldChanged = (Object.keys(wanted) as (keyof typeof wanted)[]).some(
      (key) => wanted[key] !== stored[key],
    );
    const idsChanged = identifiersDiffer(identifiers.get(stored.id) ?? [], pupil.identifiers);
    if (!fieldChanged && !idsChanged) {
      counts.unchanged += 1;
      continue;
    }
    if (fieldChanged) {
      await ctx.trx
        .updateTable("pupils")
        .set({ ...wanted, updated_at: now })
        .where("id", "=", stored.id)
        .execute();
    }
    if (idsChanged)
      await replaceIdentifiers(ctx, schoolId, { kind: "pupil", id: stored.id }, pupil.identifiers);
    if (stored.status === "active" && wanted.status === "left") counts.left += 1;
    else counts.changed += 1;
  }

  if (full) {
    const missing = existing.filter((row) => row.status === "active" && !listed.has(row.external_id));
    for (const row of missing) {
      await ctx.trx
        .updateTable("pupils")
        .set({ status: "left", left_on: today, updated_at: now })
        .where("id", "=", row.id)
        .execute();
      counts.left += 1;
    }
  }
  return counts;
}

/**
 * The stored fields an import row asks for. A flag the file does not carry keeps its stored value,
 * as does the date joined (a starter's defaults to today); a pupil who returns is active again.
 */
function fieldsOf(pupil: PupilRecord, stored: Selectable<PupilsTable> | undefined, today: string) {
  const flag = (value: boolean | undefined, current: number | undefined) =>
    value === undefined ? (current ?? 0) : value ? 1 : 0;
  const left = pupil.leftOn !== null;
  return {
    given_name: pupil.givenName,
    family_name: pupil.familyName,
    year_group: pupil.yearGroup,
    form: pupil.form,
    sen: flag(pupil.sen, stored?.sen),
    eal: flag(pupil.eal, stored?.eal),
    joined_on: pupil.joinedOn ?? (stored ? stored.joined_on : today),
    left_on: left ? (stored?.status === "left" ? stored.left_on : pupil.leftOn) : null,
    status: left ? ("left" as const) : ("active" as const),
  };
}
