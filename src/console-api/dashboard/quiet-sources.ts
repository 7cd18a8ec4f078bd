/**
 * Sources that have gone quiet: a filter log, agent or extension that stopped sending is a gap
 * in safeguarding cover, so the dashboard shows each source's last event and flags the silent.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { schoolInScope, scopeOf } from "../../schools/school-scope.js";

/** A source is quiet once nothing has arrived from it for this long. */
export const QUIET_SOURCE_AFTER_MINUTES = 60;

export interface SourceStatus {
  source: string;
  lastReceivedAt: string;
  quiet: boolean;
}

/** Every source that has ever sent to the school, quiet ones first, then by name. */
export async function findSourceStatuses(
  db: Kysely<Database>,
  schoolId: string,
  now: Date,
): Promise<SourceStatus[]> {
  // Served by the (school_id, source, received_at) index: one short range per source.
  const rows = await db
    .selectFrom("events")
    .select(["source", (eb) => eb.fn.max("received_at").as("last")])
    .where((eb) => schoolInScope(eb, "school_id", scopeOf([schoolId])))
    .groupBy("source")
    .execute();
  const quietBefore = now.getTime() - QUIET_SOURCE_AFTER_MINUTES * 60_000;
  return rows
    .map((row) => ({
      source: row.source,
      lastReceivedAt: new Date(row.last).toISOString(),
      quiet: new Date(row.last).getTime() < quietBefore,
    }))
    .sort((a, b) => Number(b.quiet) - Number(a.quiet) || a.source.localeCompare(b.source));
}
