/**
 * Adds or updates a school's devices from a devices CSV, found again by name. Who has each device
 * is looked up among the people still at the school; an unknown holder refuses the import,
 * naming the row. Devices missing from the file are kept: a CSV of new laptops is not a census.
 */
import { randomUUID } from "node:crypto";
import type { WriteContext } from "../platform/context/write-context.js";
import type { DeviceRecord } from "./import/directory-snapshot.js";
import { ImportProblems } from "./import/import-problems.js";
import type { SyncCounts } from "./sync-pupils.js";

/** Applies the devices; returns the counts (nothing leaves). */
export async function syncDevices(
  ctx: WriteContext,
  schoolId: string,
  incoming: readonly DeviceRecord[],
): Promise<SyncCounts> {
  const counts: SyncCounts = { added: 0, changed: 0, left: 0, unchanged: 0 };
  const holders = await activeHolders(ctx, schoolId);
  const problems = new ImportProblems();
  const existing = await ctx.trx
    .selectFrom("devices")
    .selectAll()
    .where("school_id", "=", schoolId)
    .execute();
  const byName = new Map(existing.map((row) => [row.name.toLowerCase(), row]));
  const now = new Date().toISOString();
  for (const device of incoming) {
    const holder = device.assignedTo === null ? undefined : holders.get(device.assignedTo);
    if (device.assignedTo !== null && !holder) {
      problems.add(
        device.source.file,
        device.source.line,
        "assigned_to",
        `no pupil or member of staff at the school has the username "${device.assignedTo}"`,
      );
      continue;
    }
    const wanted = {
      name: device.name,
      kind: device.kind,
      hostname: device.hostname,
      mac: device.mac,
      pupil_id: holder?.kind === "pupil" ? holder.id : null,
      staff_id: holder?.kind === "staff" ? holder.id : null,
    };
    const stored = byName.get(device.name.toLowerCase());
    if (!stored) {
      await ctx.trx
        .insertInto("devices")
        .values({ id: randomUUID(), school_id: schoolId, ...wanted, created_at: now, updated_at: now })
        .execute();
      counts.added += 1;
    } else if ((Object.keys(wanted) as (keyof typeof wanted)[]).some((key) => wanted[key] !== stored[key])) {
      await ctx.trx
        .updateTable("devices")
        .set({ ...wanted, updated_at: now })
        .where("id", "=", stored.id)
        .execute();
      counts.changed += 1;
    } else {
      counts.unchanged += 1;
    }
  }
  problems.refuseIfAny("Import the pupils and staff first, or correct the username in assigned_to.");
  return counts;
}

/** Each identifier of a pupil or member of staff still at the school, to whom it belongs. */
async function activeHolders(ctx: WriteContext, schoolId: string) {
  const rows = await ctx.trx
    .selectFrom("directory_identifiers as i")
    .leftJoin("pupils as p", "p.id", "i.person_id")
    .leftJoin("directory_staff as s", "s.id", "i.person_id")
    .select([
      "i.identifier",
      "i.person_kind",
      "i.person_id",
      "p.status as pupilStatus",
      "s.status as staffStatus",
    ])
    .where("i.school_id", "=", schoolId)
    .execute();
  const holders = new Map<string, { kind: "pupil" | "staff"; id: string }>();
  for (const row of rows) {
    if ((row.pupilStatus ?? row.staffStatus) !== "active") continue;
    holders.set(row.identifier, { kind: row.person_kind, id: row.person_id });
  }
  return holders;
}
