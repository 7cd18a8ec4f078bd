/** A school adds its own incident type to the built-in list (e.g. from its common incidents). */
import { randomUUID } from "node:crypto";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { builtInIncidentTypes, schoolTypePrefix } from "./incident-types.js";

/** Stores the type; returns its id as incidents use it (`school:<uuid>`). */
export async function addIncidentType(ctx: WriteContext, schoolId: string, label: string): Promise<string> {
  const lower = label.toLowerCase();
  const builtIn = Object.values(builtInIncidentTypes).some((known) => known.toLowerCase() === lower);
  const existing = await ctx.trx
    .selectFrom("incident_types")
    .select("id")
    .where("school_id", "=", schoolId)
    .where("label", "=", label)
    .executeTakeFirst();
  if (builtIn || existing) throw new AppError("conflict", `There is already a type called "${label}".`);
  const id = randomUUID();
  await ctx.trx
    .insertInto("incident_types")
    .values({
      id,
      school_id: schoolId,
      label,
      created_by: ctx.actor.label,
      created_at: new Date().toISOString(),
    })
    .execute();
  await appendAudit(ctx, {
    event: "incident.type-added",
    schoolId,
    subject: { type: "incident-type", id },
    data: { label },
  });
  return `${schoolTypePrefix}${id}`;
}

/** The types a school can choose: built-in first, then its own. */
export async function listIncidentTypes(trx: WriteContext["trx"], schoolId: string) {
  const own = await trx
    .selectFrom("incident_types")
    .select(["id", "label"])
    .where("school_id", "=", schoolId)
    .orderBy("label")
    .execute();
  return [
    ...Object.entries(builtInIncidentTypes).map(([id, label]) => ({ id, label, builtIn: true })),
    ...own.map((row) => ({ id: `${schoolTypePrefix}${row.id}`, label: row.label, builtIn: false })),
  ];
}
