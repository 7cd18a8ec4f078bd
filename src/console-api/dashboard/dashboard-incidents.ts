/**
 * The dashboard's "open incidents and overdue actions" card. The incidents area (src/incidents)
 * owns those tables and fills in this function; until it does, the card is left out (null)
 * rather than showing made-up numbers.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";

export interface IncidentSummary {
  open: number;
  overdueActions: number;
}

/** Open incidents and overdue actions in the school, or null while incidents do not report them. */
export function findIncidentSummary(
  _db: Kysely<Database>,
  _schoolId: string,
  _now: Date,
): Promise<IncidentSummary | null> {
  return Promise.resolve(null);
}
