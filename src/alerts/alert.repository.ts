/** Reads alerts, always within the caller's school scope. */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";

/** Alerts of the schools in scope, most recently seen first. */
export async function findAlerts(db: Kysely<Database>, scope: SchoolScope, options: { limit?: number } = {}) {
  return db
    .selectFrom("alerts")
    .selectAll()
    .where((eb) => schoolInScope(eb, "alerts.school_id", scope))
    .orderBy("last_seen", "desc")
    .limit(options.limit ?? 100)
    .execute();
}
