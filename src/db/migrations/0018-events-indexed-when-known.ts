/**
 * An event is indexed by its pupil, device or filter category only when it has one. Each index on
 * `events` is paid for by every event stored, and many log lines name no pupil (a proxy without
 * authentication), no device (a Squid log has an address, not a name) and no category (only a
 * filter writes one); those entries served no query, because every query on these columns asks
 * for a value (`device = ?`, `user_name is not null`), which implies the index's condition on
 * both engines. A switch-over, as 0015: the new indexes are made, then the old ones dropped.
 */
import { sql, type Kysely } from "kysely";
import type { Migration } from "./migration.js";

/** [new index, column, the index it replaces]; each keeps the old one's (time, id) order. */
const replacements = [
  ["events_with_user_time", "user_name", "events_school_user_time"],
  ["events_with_device_time", "device", "events_school_device_time"],
  ["events_with_category_time", "filter_category", "events_school_category_time"],
] as const;

export const eventsIndexedWhenKnown: Migration = {
  name: "0018-events-indexed-when-known",
  async up(db: Kysely<unknown>) {
    for (const [name, column, replaced] of replacements) {
      await db.schema
        .createIndex(name)
        .on("events")
        .columns(["school_id", column, "time", "id"])
        .where(sql.ref(column), "is not", null)
        .execute();
      await db.schema.dropIndex(replaced).execute();
    }
  },
};
