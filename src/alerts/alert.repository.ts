/** Reads alerts, always within the caller's school scope. */
import type { Kysely } from "kysely";
import type { AlertQueueQuery } from "../contracts/alert.contract.js";
import type { Database } from "../db/schema.js";
import { AppError } from "../platform/errors/app-error.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";
import { decodeQueueCursor, encodeQueueCursor } from "./queue-cursor.js";

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

/** The columns a queue row shows; the explanation and evidence stay out of the list. */
const summaryColumns = [
  "id",
  "school_id",
  "status",
  "severity",
  "categories",
  "rule_ids",
  "user_name",
  "age_group",
  "subject_kind",
  "device",
  "url",
  "count",
  "first_seen",
  "last_seen",
  "assignee_id",
  "acknowledged_at",
] as const;

export type AlertSummaryRow = Awaited<ReturnType<typeof findAlertQueue>>["rows"][number];

/**
 * One page of a school's triage queue, newest or most severe first, by keyset (never OFFSET):
 * the cursor holds the last row's sort key, so page 1000 costs what page 1 costs.
 * `assignee` is a user id or `none`; `me` is resolved by the caller.
 */
export async function findAlertQueue(
  db: Kysely<Database>,
  scope: SchoolScope,
  schoolId: string,
  query: AlertQueueQuery,
  now = new Date(),
) {
  const cursor = query.cursor === undefined ? null : decodeQueueCursor(query.cursor, query.sort);
  let select = db
    .selectFrom("alerts")
    .select(summaryColumns)
    .where("school_id", "=", schoolId)
    .where((eb) => schoolInScope(eb, "school_id", scope));
  if (query.status.length > 0) select = select.where("status", "in", query.status);
  if (query.minSeverity !== undefined) select = select.where("severity", ">=", query.minSeverity);
  // Categories are a JSON array of known ids, so the quoted id cannot match part of another.
  if (query.category !== undefined) select = select.where("categories", "like", `%"${query.category}"%`);
  // Served by the alerts_queue_age_group index (0013).
  if (query.ageGroup !== undefined) select = select.where("age_group", "=", query.ageGroup);
  // Served by the alerts_queue_subject_kind index (0014).
  if (query.aboutStaff === true) select = select.where("subject_kind", "=", "staff");
  else if (query.aboutStaff === false)
    select = select.where((eb) => eb.or([eb("subject_kind", "is", null), eb("subject_kind", "!=", "staff")]));
  if (query.assignee === "none") select = select.where("assignee_id", "is", null);
  else if (query.assignee !== undefined) select = select.where("assignee_id", "=", query.assignee);
  if (query.olderThanMinutes !== undefined) {
    const before = new Date(now.getTime() - query.olderThanMinutes * 60_000).toISOString();
    select = select.where("first_seen", "<=", before);
  }
  if (cursor?.sort === "newest") {
    const { lastSeen, id } = cursor;
    select = select.where((eb) =>
      eb.or([eb("last_seen", "<", lastSeen), eb.and([eb("last_seen", "=", lastSeen), eb("id", "<", id)])]),
    );
  } else if (cursor?.sort === "severity") {
    const { severity, lastSeen, id } = cursor;
    select = select.where((eb) =>
      eb.or([
        eb("severity", "<", severity),
        eb.and([
          eb("severity", "=", severity),
          eb.or([
            eb("last_seen", "<", lastSeen),
            eb.and([eb("last_seen", "=", lastSeen), eb("id", "<", id)]),
          ]),
        ]),
      ]),
    );
  }
  if (query.sort === "severity") select = select.orderBy("severity", "desc");
  const rows = await select
    .orderBy("last_seen", "desc")
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeQueueCursor(query.sort, last) : null;
  return { rows: page, nextCursor };
}

/** One alert in scope with everything about it; `not_found` when it is not in the caller's schools. */
export async function findAlertInScope(db: Kysely<Database>, scope: SchoolScope, alertId: string) {
  const row = await db
    .selectFrom("alerts")
    .selectAll()
    .where("id", "=", alertId)
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", `There is no alert ${alertId} in your schools.`);
  return row;
}

/** The school an alert belongs to, if it exists at all (to authorize before reading it). */
export async function schoolOfAlert(db: Kysely<Database>, alertId: string): Promise<string | null> {
  const row = await db.selectFrom("alerts").select("school_id").where("id", "=", alertId).executeTakeFirst();
  return row?.school_id ?? null;
}

/** An alert's history, oldest first. */
export async function findAlertHistory(db: Kysely<Database>, schoolId: string, alertId: string) {
  return db
    .selectFrom("alert_history")
    .selectAll()
    .where("school_id", "=", schoolId)
    .where("alert_id", "=", alertId)
    .orderBy("at", "asc")
    .orderBy("id", "asc")
    .execute();
}
