/**
 * Brings a school's staff directory in line with an import, linking each entry to the Vigil
 * account with the same email. A staff leaver's access ends in the same transaction.
 */
import { randomUUID } from "node:crypto";
import type { WriteContext } from "../platform/context/write-context.js";
import { endStaffAccess } from "./end-staff-access.js";
import type { StaffRecord } from "./import/directory-snapshot.js";
import { identifiersByPerson, identifiersDiffer, replaceIdentifiers } from "./sync-identifiers.js";
import type { SyncCounts } from "./sync-pupils.js";

export interface StaffSyncResult extends SyncCounts {
  accountsDisabled: number;
  rolesRemoved: number;
}

/** Applies `incoming` to the school's staff; `full` makes anyone missing a leaver. */
export async function syncStaff(
  ctx: WriteContext,
  schoolId: string,
  incoming: readonly StaffRecord[],
  full: boolean,
  today: string,
): Promise<StaffSyncResult> {
  const result: StaffSyncResult = {
    added: 0,
    changed: 0,
    left: 0,
    unchanged: 0,
    accountsDisabled: 0,
    rolesRemoved: 0,
  };
  const now = new Date().toISOString();
  const existing = await ctx.trx
    .selectFrom("directory_staff")
    .selectAll()
    .where("school_id", "=", schoolId)
    .execute();
  const byExternalId = new Map(existing.map((row) => [row.external_id, row]));
  const identifiers = await identifiersByPerson(ctx, schoolId);
  const accounts = await accountsByEmail(ctx, incoming);
  const listed = new Set<string>();
  const leavers: { userId: string | null; name: string }[] = [];

  for (const member of incoming) {
    listed.add(member.externalId);
    const stored = byExternalId.get(member.externalId);
    const left = member.leftOn !== null;
    const wanted = {
      given_name: member.givenName,
      family_name: member.familyName,
      email: member.email,
      role: member.role,
      user_id: (member.email ? accounts.get(member.email) : undefined) ?? stored?.user_id ?? null,
      status: left ? ("left" as const) : ("active" as const),
      left_on: left ? (stored?.status === "left" ? stored.left_on : member.leftOn) : null,
    };
    if (!stored) {
      if (left) continue;
      const id = randomUUID();
      await ctx.trx
        .insertInto("directory_staff")
        .values({
          id,
          school_id: schoolId,
          external_id: member.externalId,
          ...wanted,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await replaceIdentifiers(ctx, schoolId, { kind: "staff", id }, member.identifiers);
      result.added += 1;
      continue;
    }
    const fieldChanged = (Object.keys(wanted) as (keyof typeof wanted)[]).some(
      (key) => wanted[key] !== stored[key],
    );
    const idsChanged = identifiersDiffer(identifiers.get(stored.id) ?? [], member.identifiers);
    if (!fieldChanged && !idsChanged) {
      result.unchanged += 1;
      continue;
    }
    if (fieldChanged) {
      await ctx.trx
        .updateTable("directory_staff")
        .set({ ...wanted, updated_at: now })
        .where("id", "=", stored.id)
        .execute();
    }
    if (idsChanged)
      await replaceIdentifiers(ctx, schoolId, { kind: "staff", id: stored.id }, member.identifiers);
    if (stored.status === "active" && left) {
      result.left += 1;
      leavers.push({ userId: wanted.user_id, name: `${member.givenName} ${member.familyName}` });
    } else result.changed += 1;
  }

  if (full) {
    for (const row of existing.filter(
      (entry) => entry.status === "active" && !listed.has(entry.external_id),
    )) {
      await ctx.trx
        .updateTable("directory_staff")
        .set({ status: "left", left_on: today, updated_at: now })
        .where("id", "=", row.id)
        .execute();
      result.left += 1;
      leavers.push({ userId: row.user_id, name: `${row.given_name} ${row.family_name}` });
    }
  }
  for (const leaver of leavers) {
    if (leaver.userId === null) continue;
    const ended = await endStaffAccess(ctx, schoolId, leaver.userId, leaver.name);
    if (ended === "disabled") result.accountsDisabled += 1;
    if (ended === "roles-removed") result.rolesRemoved += 1;
  }
  return result;
}

/** The Vigil account id of each email the import names, when there is one. */
async function accountsByEmail(
  ctx: WriteContext,
  incoming: readonly StaffRecord[],
): Promise<Map<string, string>> {
  const emails = [...new Set(incoming.flatMap((member) => (member.email ? [member.email] : [])))];
  const found = new Map<string, string>();
  for (let start = 0; start < emails.length; start += 500) {
    const rows = await ctx.trx
      .selectFrom("users")
      .select(["id", "email"])
      .where("email", "in", emails.slice(start, start + 500))
      .execute();
    for (const row of rows) found.set(row.email.toLowerCase(), row.id);
  }
  return found;
}
