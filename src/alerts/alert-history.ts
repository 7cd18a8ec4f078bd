/** Appends to an alert's history (never updated or deleted): who did what, when, from → to, with a note. */
import type { WriteContext } from "../platform/context/write-context.js";
import { actorId } from "../platform/context/actor.js";
import { newSortableId } from "../platform/sortable-id.js";

export type AlertHistoryAction = "triaged" | "assigned" | "noted" | "suppressed";

export interface AlertHistoryEntryInput {
  schoolId: string;
  alertId: string;
  action: AlertHistoryAction;
  fromStatus?: string | null;
  toStatus?: string | null;
  assigneeId?: string | null;
  note?: string | null;
}

/** Writes one history row in the caller's transaction. */
export async function appendAlertHistory(ctx: WriteContext, entry: AlertHistoryEntryInput): Promise<void> {
  await ctx.trx
    .insertInto("alert_history")
    .values({
      // Sortable ids: entries written in the same millisecond (assigning moves the alert to
      // review first) keep the order they were written in.
      id: newSortableId(),
      school_id: entry.schoolId,
      alert_id: entry.alertId,
      at: new Date().toISOString(),
      actor_id: actorId(ctx.actor),
      actor_label: ctx.actor.label,
      action: entry.action,
      from_status: entry.fromStatus ?? null,
      to_status: entry.toStatus ?? null,
      assignee_id: entry.assigneeId ?? null,
      note: entry.note ?? null,
    })
    .execute();
}
