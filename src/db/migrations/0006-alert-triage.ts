/** Alert triage: assignment, notes, history, suppressions, rule outcomes, and the queue's indexes. */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const alertTriage: Migration = {
  name: "0006-alert-triage",
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("alerts").addColumn("assignee_id", "text").execute();
    await db.schema
      .alterTable("alerts")
      .addColumn("rule_ids", "text", (c) => c.notNull().defaultTo("[]"))
      .execute();
    await db.schema.alterTable("alerts").addColumn("acknowledged_at", "text").execute();

    // The triage queue: newest first and most severe first, each within a status or across all.
    await db.schema
      .createIndex("alerts_queue_newest")
      .on("alerts")
      .columns(["school_id", "last_seen", "id"])
      .execute();
    await db.schema
      .createIndex("alerts_queue_status_newest")
      .on("alerts")
      .columns(["school_id", "status", "last_seen", "id"])
      .execute();
    await db.schema
      .createIndex("alerts_queue_severity")
      .on("alerts")
      .columns(["school_id", "severity", "last_seen", "id"])
      .execute();
    await db.schema
      .createIndex("alerts_queue_status_severity")
      .on("alerts")
      .columns(["school_id", "status", "severity", "last_seen", "id"])
      .execute();
    await db.schema
      .createIndex("alerts_assignee")
      .on("alerts")
      .columns(["school_id", "assignee_id", "last_seen"])
      .execute();

    // Append-only: who did what to an alert, when, from which status to which, with their note.
    await db.schema
      .createTable("alert_history")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("alert_id", "text", (c) => c.notNull().references("alerts.id"))
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("actor_id", "text")
      .addColumn("actor_label", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("from_status", "text")
      .addColumn("to_status", "text")
      .addColumn("assignee_id", "text")
      .addColumn("note", "text")
      .execute();
    await db.schema
      .createIndex("alert_history_alert")
      .on("alert_history")
      .columns(["alert_id", "at"])
      .execute();

    // One row per alert and rule that fired: the latest triage outcome, for each rule's precision.
    await db.schema
      .createTable("alert_rule_outcomes")
      .addColumn("alert_id", "text", (c) => c.notNull().references("alerts.id"))
      .addColumn("rule_id", "text", (c) => c.notNull())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("outcome", "text", (c) => c.notNull())
      .addColumn("decided_at", "text", (c) => c.notNull())
      .addColumn("decided_by", "text")
      .addPrimaryKeyConstraint("alert_rule_outcomes_pk", ["alert_id", "rule_id"])
      .execute();
    await db.schema
      .createIndex("alert_rule_outcomes_school_rule")
      .on("alert_rule_outcomes")
      .columns(["school_id", "rule_id", "outcome"])
      .execute();

    // A rule silenced for a site, a user, a device or the whole school, until a date.
    await db.schema
      .createTable("alert_suppressions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("rule_id", "text", (c) => c.notNull())
      .addColumn("scope", "text", (c) => c.notNull())
      .addColumn("value", "text")
      .addColumn("until", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("source_alert_id", "text")
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("ended_at", "text")
      .addColumn("ended_by", "text")
      .addColumn("suppressed_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("last_suppressed_at", "text")
      .execute();
    await db.schema
      .createIndex("alert_suppressions_school")
      .on("alert_suppressions")
      .columns(["school_id", "until"])
      .execute();
  },
};
