/**
 * Applies an import to a school's directory in the caller's transaction: picks the bundle's org
 * for the school, syncs pupils and staff, logs the import and audits it. Either all of it is
 * stored or, when anything fails, none of it.
 */
import { randomUUID } from "node:crypto";
import type { DirectoryImportReport } from "../contracts/directory.contract.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { chooseOrg } from "./choose-org.js";
import type { DirectorySnapshot } from "./import/directory-snapshot.js";
import { syncDevices } from "./sync-devices.js";
import { syncPupils, type SyncCounts } from "./sync-pupils.js";
import { syncStaff } from "./sync-staff.js";

export interface ImportOptions {
  /** The bundle's org for this school, when its name differs from the school's. */
  orgSourcedId?: string | undefined;
  dryRun?: boolean;
  /** Today's date (YYYY-MM-DD) for leavers' dates; tests pass their own. */
  today?: string;
}

/** Applies `snapshot` to `schoolId`; returns what changed. */
export async function importDirectory(
  ctx: WriteContext,
  schoolId: string,
  snapshot: DirectorySnapshot,
  options: ImportOptions = {},
): Promise<DirectoryImportReport> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const org =
    snapshot.format === "oneroster"
      ? await chooseOrg(ctx.trx, schoolId, snapshot.orgs, options.orgSourcedId)
      : null;
  const ofOrg = <T extends { orgIds: string[] | undefined }>(people: readonly T[]) =>
    org === null
      ? people
      : people.filter((person) => person.orgIds === undefined || person.orgIds.includes(org.sourcedId));
  // A devices CSV touches only devices: its empty pupil list must not make everyone a leaver.
  const people = snapshot.format !== "devices";
  const pupils = people
    ? await syncPupils(ctx, schoolId, ofOrg(snapshot.pupils), snapshot.full, today)
    : none();
  const { accountsDisabled, rolesRemoved, ...staff } = people
    ? await syncStaff(ctx, schoolId, ofOrg(snapshot.staff), snapshot.full, today)
    : { ...none(), accountsDisabled: 0, rolesRemoved: 0 };
  // People are synced first, so a device can be assigned to a starter of the same import.
  const devices = snapshot.devices.length > 0 ? await syncDevices(ctx, schoolId, snapshot.devices) : none();
  const total = (key: keyof SyncCounts) => pupils[key] + staff[key] + devices[key];
  const report: DirectoryImportReport = {
    format: snapshot.format,
    dryRun: options.dryRun ?? false,
    full: snapshot.full,
    org,
    added: total("added"),
    changed: total("changed"),
    left: total("left"),
    unchanged: total("unchanged"),
    pupils,
    staff,
    devices,
    ignored: snapshot.ignored,
    accountsDisabled,
    rolesRemoved,
  };
  const id = randomUUID();
  await ctx.trx
    .insertInto("directory_imports")
    .values({
      id,
      school_id: schoolId,
      format: snapshot.format,
      org_sourced_id: org?.sourcedId ?? null,
      full_import: snapshot.full ? 1 : 0,
      added: report.added,
      changed: report.changed,
      left: report.left,
      unchanged: report.unchanged,
      created_by: ctx.actor.label,
      created_at: new Date().toISOString(),
    })
    .execute();
  // Counts only: names of children stay out of the audit log.
  await appendAudit(ctx, {
    event: "directory.imported",
    schoolId,
    subject: { type: "directory-import", id },
    data: {
      format: snapshot.format,
      full: snapshot.full,
      org: org?.sourcedId ?? null,
      pupils: { ...pupils },
      staff: { ...staff },
      devices: { ...devices },
      accountsDisabled,
      rolesRemoved,
    },
  });
  return report;
}

function none(): SyncCounts {
  return { added: 0, changed: 0, left: 0, unchanged: 0 };
}
