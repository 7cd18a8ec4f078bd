/**
 * The monitoring log as the activity explorer reads it: one school's events, newest first,
 * filtered by pupil, device, filter category, kind and time, paged by keyset. Each filter has an
 * index starting (school_id, <filter>, time) (migration 0009), so a page costs the same at any depth.
 */
import type { Kysely } from "kysely";
import type { ActivityFilter, ActivityItem } from "../../contracts/console.contract.js";
import type { Database } from "../../db/schema.js";
import { schoolInScope, scopeOf } from "../../schools/school-scope.js";
import type { ActivityCursor } from "./activity-cursor.js";

/** One page of events after `cursor` (exclusive), newest first; `limit + 1` tells if more follow. */
export async function findActivity(
  db: Kysely<Database>,
  schoolId: string,
  filter: ActivityFilter,
  page: { cursor?: ActivityCursor | undefined; limit: number },
): Promise<ActivityItem[]> {
  let query = db
    .selectFrom("events")
    .select([
      "id",
      "time",
      "kind",
      "user_name",
      "device",
      "url",
      "host",
      "text",
      "action",
      "filter_category",
      "source",
    ])
    .where((eb) => schoolInScope(eb, "school_id", scopeOf([schoolId])));
  if (filter.pupil) query = query.where("user_name", "=", filter.pupil);
  if (filter.device) query = query.where("device", "=", filter.device);
  if (filter.category) query = query.where("filter_category", "=", filter.category);
  if (filter.kind) query = query.where("kind", "=", filter.kind);
  if (filter.from) query = query.where("time", ">=", filter.from);
  if (filter.to) query = query.where("time", "<=", filter.to);
  const after = page.cursor;
  if (after) {
    // A row-value comparison, so both engines seek the index to the cursor instead of filtering.
    query = query.where((eb) => eb(eb.refTuple("time", "id"), "<", eb.tuple(after.time, after.id)));
  }
  const rows = await query.orderBy("time", "desc").orderBy("id", "desc").limit(page.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    time: row.time,
    kind: row.kind,
    pupil: row.user_name,
    device: row.device,
    url: row.url,
    host: row.host,
    text: row.text,
    action: row.action,
    category: row.filter_category,
    source: row.source,
  }));
}
