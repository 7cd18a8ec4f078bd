/**
 * Indexes the console's everyday pages need: the activity explorer filters one school's events by
 * pupil, device, filter category or kind and pages newest first by (time, id); the dashboard asks
 * each source's last arrival and counts alerts per day.
 */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const consoleQueries: Migration = {
  name: "0009-console-queries",
  async up(db: Kysely<unknown>) {
    const eventIndexes: [string, string[]][] = [
      ["events_school_time_id", ["school_id", "time", "id"]],
      ["events_school_user_time", ["school_id", "user_name", "time", "id"]],
      ["events_school_device_time", ["school_id", "device", "time", "id"]],
      ["events_school_category_time", ["school_id", "filter_category", "time", "id"]],
      ["events_school_kind_time", ["school_id", "kind", "time", "id"]],
      ["events_school_host_time", ["school_id", "host", "time"]],
      ["events_school_source_received", ["school_id", "source", "received_at"]],
    ];
    for (const [name, columns] of eventIndexes) {
      await db.schema.createIndex(name).on("events").columns(columns).execute();
    }
    await db.schema
      .createIndex("alerts_school_created")
      .on("alerts")
      .columns(["school_id", "created_at"])
      .execute();
    await db.schema
      .createIndex("alerts_school_user")
      .on("alerts")
      .columns(["school_id", "user_name", "last_seen"])
      .execute();
    await db.schema
      .createIndex("alerts_school_device")
      .on("alerts")
      .columns(["school_id", "device", "last_seen"])
      .execute();
  },
};
