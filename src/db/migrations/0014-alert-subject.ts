/**
 * Alerts about staff: each alert keeps whom the directory placed its user name as (a pupil or a
 * member of staff) when it was recorded, and a routing policy may cover only alerts about staff
 * ("the head, for anything involving a member of staff").
 */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const alertSubject: Migration = {
  name: "0014-alert-subject",
  async up(db: Kysely<unknown>) {
    // 'pupil', 'staff', or null: the directory did not know the user name when the alert was recorded.
    await db.schema.alterTable("alerts").addColumn("subject_kind", "text").execute();
    // The queue filtered to alerts about staff, newest first, as the other queue indexes (0006, 0013).
    await db.schema
      .createIndex("alerts_queue_subject_kind")
      .on("alerts")
      .columns(["school_id", "subject_kind", "last_seen", "id"])
      .execute();
    await db.schema
      .alterTable("notification_policies")
      .addColumn("about_staff", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
