/**
 * Monitoring held for a police investigation: when evidence is marked as suspected CSAM, the
 * device's monitoring record is frozen as it is. Other areas ask `isMonitoringHeld` before they
 * purge, change or re-attribute that device's records.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, MonitoringHoldsTable } from "../db/schema.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { visibleIncidentIds, type IncidentViewer } from "../incidents/incident-visibility.js";

/** Places a hold; returns it. */
export async function holdMonitoring(
  ctx: WriteContext,
  hold: {
    schoolId: string;
    device: string | null;
    userName: string | null;
    incidentId: string;
    reason: string;
  },
): Promise<MonitoringHoldsTable> {
  const row: MonitoringHoldsTable = {
    id: randomUUID(),
    school_id: hold.schoolId,
    device: hold.device,
    user_name: hold.userName,
    incident_id: hold.incidentId,
    reason: hold.reason,
    created_by: ctx.actor.label,
    created_at: new Date().toISOString(),
    released_at: null,
  };
  await ctx.trx.insertInto("monitoring_holds").values(row).execute();
  await appendAudit(ctx, {
    event: "monitoring.held",
    schoolId: hold.schoolId,
    subject: { type: "monitoring-hold", id: row.id },
    data: { device: hold.device, userName: hold.userName, incidentId: hold.incidentId, reason: hold.reason },
  });
  return row;
}

/** True while monitoring of `device` (or of the user) in the school is held for an investigation. */
export async function isMonitoringHeld(
  db: Kysely<Database>,
  schoolId: string,
  subject: { device?: string; userName?: string },
): Promise<boolean> {
  const row = await db
    .selectFrom("monitoring_holds")
    .select("id")
    .where("school_id", "=", schoolId)
    .where("released_at", "is", null)
    .where((eb) =>
      eb.or([
        ...(subject.device !== undefined ? [eb("device", "=", subject.device)] : []),
        ...(subject.userName !== undefined ? [eb("user_name", "=", subject.userName)] : []),
        eb.lit(false),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** Every hold in force in a school, for incidents `viewer` may see. */
export async function findMonitoringHolds(db: Kysely<Database>, schoolId: string, viewer: IncidentViewer) {
  return db
    .selectFrom("monitoring_holds")
    .selectAll("monitoring_holds")
    .where("monitoring_holds.school_id", "=", schoolId)
    .where("monitoring_holds.released_at", "is", null)
    .where("monitoring_holds.incident_id", "in", visibleIncidentIds(db, viewer))
    .orderBy("monitoring_holds.created_at")
    .execute();
}
