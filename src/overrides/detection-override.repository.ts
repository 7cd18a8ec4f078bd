/** Reads a school's overrides: all of them for review, or those in force for scanning. */
import type { Kysely } from "kysely";
import type { Database, DetectionOverridesTable } from "../db/schema.js";
import type { Category } from "../detection/index.js";
import type { SchoolOverrides } from "../detection/overrides/school-overrides.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";

/** Every override of the schools in scope, newest first, revoked and expired ones included. */
export async function findDetectionOverrides(db: Kysely<Database>, scope: SchoolScope) {
  return db
    .selectFrom("detection_overrides")
    .selectAll()
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .orderBy("created_at", "desc")
    .execute();
}

/** The overrides in force for one school at `now`, in the shape the detector applies. */
export async function findOverridesInForce(
  db: Kysely<Database>,
  scope: SchoolScope,
  schoolId: string,
  now = new Date(),
): Promise<SchoolOverrides> {
  const rows = await db
    .selectFrom("detection_overrides")
    .selectAll()
    .where("school_id", "=", schoolId)
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .where("revoked_at", "is", null)
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now.toISOString())]))
    .orderBy("created_at")
    .execute();
  return toSchoolOverrides(rows);
}

function toSchoolOverrides(rows: readonly DetectionOverridesTable[]): SchoolOverrides {
  const shortId = (row: DetectionOverridesTable) => row.id.slice(0, 8);
  return {
    localTerms: rows
      .filter((row) => row.kind === "local-term")
      .map((row) => ({
        id: shortId(row),
        phrase: row.phrase ?? "",
        category: row.category as Category,
        weight: row.weight ?? 0,
        severity: row.severity ?? 1,
      })),
    allowedTerms: rows
      .filter((row) => row.kind === "allowed-term")
      .map((row) => ({ id: shortId(row), phrase: row.phrase ?? "" })),
    suppressions: rows
      .filter((row) => row.kind === "suppression")
      .map((row) => ({ id: shortId(row), ruleId: row.rule_id ?? "", site: row.site, user: row.user_name })),
  };
}
