/**
 * Age groups: each alert keeps its pupil's age group (from the directory, when the alert is
 * recorded) for the queue filter, and a routing policy may name the age groups it covers.
 */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const alertAgeGroup: Migration = {
  name: "0013-alert-age-group",
  async up(db: Kysely<unknown>) {
    // Null: the directory did not know the person (or their year group) when the alert was recorded.
    await db.schema.alterTable("alerts").addColumn("age_group", "text").execute();
    // The queue filtered by age group, newest first, as the other queue indexes (0006).
    await db.schema
      .createIndex("alerts_queue_age_group")
      .on("alerts")
      .columns(["school_id", "age_group", "last_seen", "id"])
      .execute();
    // JSON array of age groups; empty: every age group.
    await db.schema
      .alterTable("notification_policies")
      .addColumn("age_groups", "text", (c) => c.notNull().defaultTo("[]"))
      .execute();
  },
};
