/** The dashboard's incident figures for one school: open incidents and overdue actions. */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { scopeOf } from "../schools/school-scope.js";
import { findDueActions } from "./due-actions.js";

export interface IncidentSummary {
  openIncidents: number;
  overdueActions: number;
  followUpsDue: number;
}

/**
 * Counts only (no names), so the dashboard can show them to anyone allowed `incidents.read`
 * without revealing an allegation against staff.
 */
export async function incidentSummary(db: Kysely<Database>, schoolId: string): Promise<IncidentSummary> {
  const open = await db
    .selectFrom("incidents")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("school_id", "=", schoolId)
    .where("status", "!=", "closed")
    .executeTakeFirst();
  const due = await findDueActions(db, scopeOf([schoolId]), { kind: "operator" });
  return {
    openIncidents: Number(open?.n ?? 0),
    overdueActions: due.filter((action) => action.kind === "task").length,
    followUpsDue: due.filter((action) => action.kind === "referral").length,
  };
}
