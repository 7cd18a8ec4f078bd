/**
 * Every index on `events` is paid for by every event stored, and the console's indexes (0009) made
 * intake measurably slower. Two add nothing: `events_school_time` is the prefix of
 * `events_school_time_id`, and an event's kind (a handful of values) is served as well by that
 * index with a filter. Dropping them is a switch-over, not a rename: the queries never name them.
 */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const leanerEventIndexes: Migration = {
  name: "0015-leaner-event-indexes",
  async up(db: Kysely<unknown>) {
    await db.schema.dropIndex("events_school_time").execute();
    await db.schema.dropIndex("events_school_kind_time").execute();
  },
};
