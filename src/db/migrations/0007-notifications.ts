/** Notifications: contacts, routing and escalation policies, deliveries, background jobs. */
import { sql, type Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const notifications: Migration = {
  name: "0007-notifications",
  async up(db: Kysely<unknown>) {
    // Background jobs (the local queue): claimed by one worker at a time, retried at a back-off.
    await db.schema
      .createTable("jobs")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("payload", "text", (c) => c.notNull())
      .addColumn("school_id", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("run_at", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull())
      .addColumn("max_attempts", "integer", (c) => c.notNull())
      .addColumn("locked_until", "text")
      .addColumn("last_error", "text")
      .addColumn("result", "text")
      .addColumn("dedupe_key", "text", (c) => c.unique())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("jobs_due").on("jobs").columns(["status", "run_at"]).execute();

    await db.schema
      .createTable("notification_contacts")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("email", "text")
      .addColumn("webhook_url", "text")
      .addColumn("webhook_secret", "text")
      .addColumn("user_id", "text", (c) => c.references("users.id"))
      .addColumn("working_hours", "text")
      .addColumn("digests", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("archived_at", "text")
      .execute();
    await db.schema
      .createIndex("notification_contacts_school")
      .on("notification_contacts")
      .column("school_id")
      .execute();

    await db.schema
      .createTable("notification_policies")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("categories", "text", (c) => c.notNull())
      .addColumn("min_severity", "integer", (c) => c.notNull())
      .addColumn("at_once", "integer", (c) => c.notNull())
      .addColumn("chain", "text", (c) => c.notNull())
      .addColumn("deadlines", "text", (c) => c.notNull())
      .addColumn("enabled", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("archived_at", "text")
      .execute();
    await db.schema
      .createIndex("notification_policies_school")
      .on("notification_policies")
      .column("school_id")
      .execute();

    // One row per step of an escalation chain: who was told (or skipped), and when the next is due.
    await db.schema
      .createTable("alert_notifications")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("alert_id", "text", (c) => c.notNull().references("alerts.id"))
      .addColumn("policy_id", "text", (c) => c.notNull())
      .addColumn("step", "integer", (c) => c.notNull())
      .addColumn("contact_id", "text", (c) => c.notNull())
      .addColumn("outcome", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("deadline_at", "text")
      .addUniqueConstraint("alert_notifications_step", ["alert_id", "policy_id", "step"])
      .execute();

    await db.schema
      .createTable("notification_deliveries")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("contact_id", "text", (c) => c.notNull())
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("alert_id", "text")
      .addColumn("hop_id", "text")
      .addColumn("digest_key", "text", (c) => c.unique())
      .addColumn("throttle_key", "text")
      .addColumn("message", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull())
      .addColumn("last_error", "text")
      .addColumn("grouped_into", "text")
      .addColumn("grouped_count", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("sent_at", "text")
      .execute();
    await db.schema
      .createIndex("notification_deliveries_school")
      .on("notification_deliveries")
      .columns(["school_id", "created_at"])
      .execute();
    await db.schema
      .createIndex("notification_deliveries_throttle")
      .on("notification_deliveries")
      .columns(["throttle_key", "sent_at"])
      .where(sql.ref("throttle_key"), "is not", null)
      .execute();
  },
};
