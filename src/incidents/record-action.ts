/**
 * Actions and outcomes: a task with an owner and due date, a sanction, a referral (police, LADO,
 * CEOP, children's services, Prevent, IWF) with its reference and follow-up date, internet access
 * withdrawn until a date, parents informed. Each is a row, a chronology entry and an audit record.
 */
import { randomUUID } from "node:crypto";
import type { IncidentActionCreate } from "../contracts/incident.contract.js";
import type { IncidentActionsTable } from "../db/schema.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { appendTimelineEntry } from "./append-timeline-entry.js";
import { auditRow } from "./audited-row.js";

export type ActionInput =
  IncidentActionCreate | { kind: "parents-informed"; description: string; happenedOn: string };

/** Records the action on `incident`; returns the row. */
export async function recordAction(
  ctx: WriteContext,
  incident: { id: string; school_id: string },
  input: ActionInput,
): Promise<IncidentActionsTable> {
  const today = new Date().toISOString().slice(0, 10);
  if ("happenedOn" in input && input.happenedOn > today) {
    throw new AppError(
      "validation_failed",
      `happenedOn ${input.happenedOn} is in the future: record it once it has happened.`,
      {
        fields: [{ path: "happenedOn", message: "in the future" }],
      },
    );
  }
  const row: IncidentActionsTable = {
    id: randomUUID(),
    incident_id: incident.id,
    school_id: incident.school_id,
    kind: input.kind,
    description: input.description,
    owner: input.kind === "task" ? input.owner : null,
    due_on: input.kind === "task" ? input.dueOn : null,
    agency: input.kind === "referral" ? input.agency : null,
    reference:
      input.kind === "referral"
        ? (input.reference ?? null)
        : input.kind === "access-withdrawn"
          ? input.userName
          : null,
    happened_on: "happenedOn" in input ? input.happenedOn : null,
    follow_up_due_on: input.kind === "referral" ? (input.followUpDueOn ?? null) : null,
    until_on: input.kind === "access-withdrawn" ? input.untilOn : null,
    completed_at: null,
    completed_by: null,
    created_by: ctx.actor.label,
    created_at: new Date().toISOString(),
  };
  await ctx.trx.insertInto("incident_actions").values(row).execute();
  await auditRow(ctx, "incident.action-recorded", "incident-action", row, {
    incidentId: incident.id,
    kind: row.kind,
  });
  await appendTimelineEntry(ctx, incident, {
    kind: input.kind === "referral" || input.kind === "parents-informed" ? "contact" : "action",
    body: describeAction(row),
    data: { actionId: row.id },
  });
  return row;
}

/** Marks a task done (or a referral's follow-up made); the chronology says who and when. */
export async function completeAction(
  ctx: WriteContext,
  incident: { id: string; school_id: string },
  actionId: string,
  note: string,
): Promise<IncidentActionsTable> {
  const action = await ctx.trx
    .selectFrom("incident_actions")
    .selectAll()
    .where("id", "=", actionId)
    .where("incident_id", "=", incident.id)
    .executeTakeFirst();
  if (!action) throw new AppError("not_found", `This incident has no action ${actionId}.`);
  if (action.completed_at !== null) throw new AppError("conflict", "That action is already done.");
  const done = { ...action, completed_at: new Date().toISOString(), completed_by: ctx.actor.label };
  await ctx.trx
    .updateTable("incident_actions")
    .set({ completed_at: done.completed_at, completed_by: done.completed_by })
    .where("id", "=", action.id)
    .execute();
  await auditRow(ctx, "incident.action-completed", "incident-action", done, { incidentId: incident.id });
  await appendTimelineEntry(ctx, incident, {
    kind: "action",
    body: `Done: ${action.description}. ${note}`,
    data: { actionId: action.id },
  });
  return done;
}

function describeAction(row: IncidentActionsTable): string {
  switch (row.kind) {
    case "task":
      return `Task for ${row.owner ?? "?"}, due ${row.due_on ?? "?"}: ${row.description}`;
    case "sanction":
      return `Sanction on ${row.happened_on ?? "?"}: ${row.description}`;
    case "referral":
      return `Referred to ${row.agency ?? "?"} on ${row.happened_on ?? "?"}${row.reference ? ` (reference ${row.reference})` : ""}${row.follow_up_due_on ? `, follow up by ${row.follow_up_due_on}` : ""}: ${row.description}`;
    case "access-withdrawn":
      return `Internet access withdrawn for ${row.reference ?? "?"} until ${row.until_on ?? "?"}: ${row.description}`;
    default:
      return `Parents or carers informed on ${row.happened_on ?? "?"}: ${row.description}`;
  }
}
