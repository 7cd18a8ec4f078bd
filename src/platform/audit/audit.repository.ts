/** Reads the audit log of the schools in scope, newest first. */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { schoolInScope, type SchoolScope } from "../../schools/school-scope.js";

/** A page of audit records of the schools in scope. */
export async function findAuditRecords(
  db: Kysely<Database>,
  scope: SchoolScope,
  options: { limit?: number } = {},
) {
  return db
    .selectFrom("audit_records")
    .selectAll()
    .where((eb) => schoolInScope(eb, "audit_records.school_id", scope))
    .orderBy("created_at", "desc")
    .orderBy("seq", "desc")
    .limit(Math.min(options.limit ?? 100, 1_000))
    .execute();
}
