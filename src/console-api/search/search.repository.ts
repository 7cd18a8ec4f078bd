/**
 * The global search: pupils and devices as seen in the monitoring log (until a directory exists),
 * sites by host, and alerts by pupil, URL or id. Matching is by prefix on the indexed columns so it
 * stays fast on a big log; an alert id matches exactly.
 */
import type { Kysely } from "kysely";
import { consoleLimits, type SearchResponse } from "../../contracts/console.contract.js";
import type { Database } from "../../db/schema.js";
import { schoolInScope, scopeOf } from "../../schools/school-scope.js";
import { categoriesOf } from "../dashboard/alert-summary.js";

type NamedHit = { name: string; lastSeen: string };
type EventColumn = "user_name" | "device" | "host";

/**
 * A LIKE prefix pattern for `text`. `%` and backslashes are dropped rather than escaped, because the two
 * engines escape differently; a `_` stays a one-character wildcard, which only widens a prefix.
 */
export function prefixPattern(text: string): string {
  return `${text.replace(/[\\%]/g, "")}%`;
}

/** Distinct values of `column` starting with `q`, most recently seen first. */
export async function findEventNames(
  db: Kysely<Database>,
  schoolId: string,
  column: EventColumn,
  q: string,
): Promise<NamedHit[]> {
  const rows = await db
    .selectFrom("events")
    .select([column, (eb) => eb.fn.max("time").as("last")])
    .where((eb) => schoolInScope(eb, "school_id", scopeOf([schoolId])))
    .where(column, "is not", null)
    .where((eb) => eb(eb.fn("lower", [column]), "like", eb.val(prefixPattern(q.toLowerCase()))))
    .groupBy(column)
    .orderBy("last", "desc")
    .limit(consoleLimits.searchResultsPerKind)
    .execute();
  return rows.map((row) => ({ name: String(row[column]), lastSeen: row.last }));
}

/** Alerts whose id is `q`, or whose pupil, device or URL host starts with it, newest first. */
export async function findAlertsMatching(
  db: Kysely<Database>,
  schoolId: string,
  q: string,
): Promise<NonNullable<SearchResponse["alerts"]>> {
  const pattern = prefixPattern(q.toLowerCase());
  const urlPatterns = [
    `http://${pattern}`,
    `https://${pattern}`,
    `http://www.${pattern}`,
    `https://www.${pattern}`,
  ];
  const rows = await db
    .selectFrom("alerts")
    .select(["id", "severity", "status", "categories", "user_name", "last_seen"])
    .where((eb) => schoolInScope(eb, "school_id", scopeOf([schoolId])))
    .where((eb) =>
      eb.or([
        eb("id", "=", q),
        eb(eb.fn("lower", ["user_name"]), "like", pattern),
        eb(eb.fn("lower", ["device"]), "like", pattern),
        ...urlPatterns.map((url) => eb(eb.fn("lower", ["url"]), "like", url)),
      ]),
    )
    .orderBy("last_seen", "desc")
    .limit(consoleLimits.searchResultsPerKind)
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
