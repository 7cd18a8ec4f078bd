/**
 * A pupil or a device as the monitoring log and the alerts know them (until a directory exists):
 * when they were first and last seen, the devices a pupil used (or the pupils seen on a device),
 * and their alerts.
 */
import type { Kysely } from "kysely";
import { consoleLimits, type SubjectSummary } from "../../contracts/console.contract.js";
import type { Database } from "../../db/schema.js";
import { schoolInScope, scopeOf } from "../../schools/school-scope.js";
import { categoriesOf } from "../dashboard/alert-summary.js";

export type SubjectKind = "pupil" | "device";

const columnOf = { pupil: "user_name", device: "device" } as const;
const otherColumnOf = { pupil: "device", device: "user_name" } as const;
const RELATED_MAX = 20;
const ALERTS_MAX = 50;

/** First and last seen, and the related devices or pupils; from the monitoring log. */
export async function findSubjectActivity(
  db: Kysely<Database>,
  schoolId: string,
  kind: SubjectKind,
  name: string,
): Promise<Pick<SubjectSummary, "firstSeen" | "lastSeen" | "related">> {
  const scope = scopeOf([schoolId]);
  const column = columnOf[kind];
  const other = otherColumnOf[kind];
  const span = await db
    .selectFrom("events")
    .select((eb) => [eb.fn.min("time").as("first"), eb.fn.max("time").as("last")])
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .where(column, "=", name)
    .executeTakeFirst();
  const related = await db
    .selectFrom("events")
    .select([other, (eb) => eb.fn.max("time").as("last")])
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .where(column, "=", name)
    .where(other, "is not", null)
    .groupBy(other)
    .orderBy("last", "desc")
    .limit(RELATED_MAX)
    .execute();
  return {
    firstSeen: span?.first ?? null,
    lastSeen: span?.last ?? null,
    related: related.map((row) => ({ name: String(row[other]), lastSeen: row.last })),
  };
}

/** The subject's alerts, newest first. */
export async function findSubjectAlerts(
  db: Kysely<Database>,
  schoolId: string,
  kind: SubjectKind,
  name: string,
): Promise<NonNullable<SubjectSummary["alerts"]>> {
  const rows = await db
    .selectFrom("alerts")
    .select(["id", "severity", "status", "categories", "user_name", "last_seen"])
    .where((eb) => schoolInScope(eb, "school_id", scopeOf([schoolId])))
    .where(columnOf[kind], "=", name)
    .orderBy("last_seen", "desc")
    .limit(Math.max(ALERTS_MAX, consoleLimits.searchResultsPerKind))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    severity: row.severity,
    status: row.status,
    categories: categoriesOf(row.categories),
    pupil: row.user_name,
    lastSeen: row.last_seen,
  }));
}
