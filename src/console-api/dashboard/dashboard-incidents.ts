/**
 * The dashboard's "open incidents and overdue actions" card: counts only (from the incidents
 * area), so the card never hints at who an incident is about, an allegation against staff included.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { incidentSummary } from "../../incidents/incident-summary.js";

export interface IncidentSummary {
  open: number;
  overdueActions: number;
  followUpsDue: number;
}

/** Open incidents, overdue tasks and referral follow-ups due in the school. */
export async function findIncidentSummary(db: Kysely<Database>, schoolId: string): Promise<IncidentSummary> {
  const summary = await incidentSummary(db, schoolId);
  return {
    open: summary.openIncidents,
    overdueActions: summary.overdueActions,
    followUpsDue: summary.followUpsDue,
  };
}
