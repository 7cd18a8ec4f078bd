/**
 * Appends one chronology entry. Entries are never edited or deleted: a correction is a new entry
 * that names the entry it corrects. Each entry's digest goes into the school's audit chain.
 */
import { randomUUID } from "node:crypto";
import type { IncidentTimelineTable } from "../db/schema.js";
import type { JsonValue } from "../platform/audit/canonical-json.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { auditRow } from "./audited-row.js";

export interface TimelineInput {
  kind: string;
  body: string;
  data?: Record<string, JsonValue>;
  corrects?: string | undefined;
}

/** Writes the entry for `incident`; returns it. */
export async function appendTimelineEntry(
  ctx: WriteContext,
  incident: { id: string; school_id: string },
  input: TimelineInput,
): Promise<IncidentTimelineTable> {
  if (input.corrects !== undefined) {
    const earlier = await ctx.trx
      .selectFrom("incident_timeline")
      .select("id")
      .where("id", "=", input.corrects)
      .where("incident_id", "=", incident.id)
      .executeTakeFirst();
    if (!earlier) {
      throw new AppError("validation_failed", `This incident has no entry ${input.corrects} to correct.`, {
        fields: [{ path: "corrects", message: "not an entry of this incident" }],
      });
    }
  }
  const row: IncidentTimelineTable = {
    id: randomUUID(),
    incident_id: incident.id,
    school_id: incident.school_id,
    kind: input.corrects === undefined ? input.kind : "correction",
    body: input.body,
    data: JSON.stringify(input.data ?? {}),
    corrects_entry_id: input.corrects ?? null,
    created_by: ctx.actor.label,
    created_at: new Date().toISOString(),
  };
  await ctx.trx.insertInto("incident_timeline").values(row).execute();
  await auditRow(ctx, "incident.timeline-appended", "incident-entry", row, {
    incidentId: incident.id,
    kind: row.kind,
  });
  return row;
}
