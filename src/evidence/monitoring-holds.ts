/**
 * Monitoring held for a police investigation: when evidence is marked as suspected CSAM, the
 * device's monitoring record is frozen as it is. Other areas ask `isMonitoringHeld` before they
 * purge, change or re-attribute that device's records. A hold ends only when someone who manages
 * the incident releases it with a reason; from then on retention treats the records as any other.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { MonitoringHoldReleaseSchema } from "../contracts/monitoring-hold.contract.js";
import { lockRowsForUpdate } from "../db/row-lock.js";
import type { Database, MonitoringHoldsTable } from "../db/schema.js";
import { appendTimelineEntry } from "../incidents/append-timeline-entry.js";
import { visibleIncidentIds, type IncidentViewer } from "../incidents/incident-visibility.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError, validationError } from "../platform/errors/app-error.js";

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
    released_by: null,
    release_reason: null,
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

/**
 * Releases a hold the viewer may see (its incident's visibility applies: a hold placed for an
 * allegation against staff is invisible, so `not_found`, to anyone the head has not named). Sets
 * when, by whom and why, notes it on the incident's chronology and appends `monitoring.released`,
 * all in the caller's transaction. Who may call it is the route's or command's policy check.
 */
export async function releaseMonitoringHold(
  ctx: WriteContext,
  viewer: IncidentViewer,
  release: { schoolId: string; holdId: string; reason: string },
): Promise<MonitoringHoldsTable> {
  // The domain checks the reason itself, so the CLI and any other caller get the API's message.
  const parsed = MonitoringHoldReleaseSchema.safeParse({ reason: release.reason });
  if (!parsed.success) throw validationError(parsed.error.issues, "The release");
  const { reason } = parsed.data;
  // Locked, so two people releasing at once get one release and one `conflict`, not two records.
  const hold = await lockRowsForUpdate(
    ctx.trx
      .selectFrom("monitoring_holds")
      .selectAll()
      .where("school_id", "=", release.schoolId)
      .where("id", "=", release.holdId)
      .where("incident_id", "in", visibleIncidentIds(ctx.trx, viewer)),
    ctx.capabilities,
  ).executeTakeFirst();
  if (!hold) {
    throw new AppError("not_found", `There is no monitoring hold ${release.holdId} that you can see.`, {
      hint: "List the holds in force with GET …/monitoring-holds or `vigil incidents holds`.",
    });
  }
  if (hold.released_at !== null) {
    throw new AppError(
      "conflict",
      `This monitoring hold was already released on ${hold.released_at} by ${hold.released_by ?? "an unknown person"}.`,
    );
  }
  const released: MonitoringHoldsTable = {
    ...hold,
    released_at: new Date().toISOString(),
    released_by: ctx.actor.label,
    release_reason: reason,
  };
  await ctx.trx
    .updateTable("monitoring_holds")
    .set({
      released_at: released.released_at,
      released_by: released.released_by,
      release_reason: released.release_reason,
    })
    .where("id", "=", hold.id)
    .execute();
  await appendTimelineEntry(
    ctx,
    { id: hold.incident_id, school_id: hold.school_id },
    {
      kind: "decision",
      body: `Monitoring hold on ${heldSubject(hold)} released: ${reason}`,
      data: { holdId: hold.id },
    },
  );
  await appendAudit(ctx, {
    event: "monitoring.released",
    schoolId: hold.school_id,
    subject: { type: "monitoring-hold", id: hold.id },
    data: { device: hold.device, userName: hold.user_name, incidentId: hold.incident_id, reason },
  });
  return released;
}

/** What a hold covers, for people: "device LAPTOP-7 and user sam". */
export function heldSubject(hold: Pick<MonitoringHoldsTable, "device" | "user_name">): string {
  const parts = [
    ...(hold.device !== null ? [`device ${hold.device}`] : []),
    ...(hold.user_name !== null ? [`user ${hold.user_name}`] : []),
  ];
  return parts.length > 0 ? parts.join(" and ") : "no device or user";
}

/**
 * The holds in a school (those in force, or all with `includeReleased`), optionally only one
 * incident's, for incidents `viewer` may see; oldest first.
 */
export async function findMonitoringHolds(
  db: Kysely<Database>,
  schoolId: string,
  viewer: IncidentViewer,
  filter: { includeReleased?: boolean; incidentId?: string | undefined } = {},
): Promise<MonitoringHoldsTable[]> {
  let query = db
    .selectFrom("monitoring_holds")
    .selectAll("monitoring_holds")
    .where("monitoring_holds.school_id", "=", schoolId)
    .where("monitoring_holds.incident_id", "in", visibleIncidentIds(db, viewer));
  if (filter.includeReleased !== true) query = query.where("monitoring_holds.released_at", "is", null);
  if (filter.incidentId !== undefined) {
    query = query.where("monitoring_holds.incident_id", "=", filter.incidentId);
  }
  return query.orderBy("monitoring_holds.created_at").orderBy("monitoring_holds.id").execute();
}
