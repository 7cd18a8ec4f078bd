/**
 * Incident log and evidence: incidents and the people in them, the append-only chronology, actions
 * and outcomes, encrypted evidence with its views and approvals, per-school settings, monitoring holds.
 */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const incidents: Migration = {
  name: "0008-incidents",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("incident_types")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("label", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("incident_types_school_label", ["school_id", "label"])
      .execute();
    await db.schema
      .createTable("incidents")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("incident_date", "text", (c) => c.notNull())
      .addColumn("summary", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("information_classification", "text", (c) => c.notNull())
      .addColumn("device", "text")
      .addColumn("websites", "text", (c) => c.notNull())
      .addColumn("immediate_action", "text")
      .addColumn("further_action", "text")
      .addColumn("legal_implications", "text")
      .addColumn("staff_allegation", "integer", (c) => c.notNull())
      .addColumn("reported_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("closed_at", "text")
      .addColumn("closed_by", "text")
      .execute();
    await db.schema
      .createIndex("incidents_school_status")
      .on("incidents")
      .columns(["school_id", "status", "incident_date"])
      .execute();
    await db.schema
      .createTable("incident_people")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
      .addColumn("school_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("involvement", "text", (c) => c.notNull())
      .addColumn("name", "text")
      .addColumn("user_name", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("incident_people_incident")
      .on("incident_people")
      .column("incident_id")
      .execute();
    await db.schema
      .createTable("incident_viewers")
      .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
      .addColumn("school_id", "text", (c) => c.notNull())
      .addColumn("user_id", "text", (c) => c.notNull())
      .addColumn("granted_by", "text", (c) => c.notNull())
      .addColumn("granted_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("incident_viewers_pk", ["incident_id", "user_id"])
      .execute();
    await db.schema
      .createTable("incident_alerts")
      .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
      .addColumn("alert_id", "text", (c) => c.notNull())
      .addColumn("school_id", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("incident_alerts_pk", ["incident_id", "alert_id"])
      .execute();
    await db.schema
      .createTable("incident_timeline")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
      .addColumn("school_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("data", "text", (c) => c.notNull())
      .addColumn("corrects_entry_id", "text")
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("incident_timeline_incident")
      .on("incident_timeline")
      .columns(["incident_id", "created_at"])
      .execute();
    await db.schema
      .createTable("incident_actions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
      .addColumn("school_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("description", "text", (c) => c.notNull())
      .addColumn("owner", "text")
      .addColumn("due_on", "text")
      .addColumn("agency", "text")
      .addColumn("reference", "text")
      .addColumn("happened_on", "text")
      .addColumn("follow_up_due_on", "text")
      .addColumn("until_on", "text")
      .addColumn("completed_at", "text")
      .addColumn("completed_by", "text")
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("incident_actions_school")
      .on("incident_actions")
      .columns(["school_id", "kind", "completed_at"])
      .execute();
    await db.schema
      .createTable("evidence")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
      .addColumn("school_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("label", "text", (c) => c.notNull())
      .addColumn("media_type", "text", (c) => c.notNull())
      .addColumn("byte_size", "integer", (c) => c.notNull())
      .addColumn("sha256", "text", (c) => c.notNull())
      .addColumn("stored_sha256", "text", (c) => c.notNull())
      .addColumn("storage_path", "text", (c) => c.notNull())
      .addColumn("graphic", "integer", (c) => c.notNull())
      .addColumn("sensitive", "integer", (c) => c.notNull())
      .addColumn("csam_locked_at", "text")
      .addColumn("csam_locked_by", "text")
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("evidence_incident").on("evidence").column("incident_id").execute();
    await db.schema
      .createTable("evidence_views")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("evidence_id", "text", (c) => c.notNull().references("evidence.id"))
      .addColumn("school_id", "text", (c) => c.notNull())
      .addColumn("viewer", "text", (c) => c.notNull())
      .addColumn("viewer_id", "text")
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("viewed_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("evidence_approvals")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("evidence_id", "text", (c) => c.notNull().references("evidence.id"))
      .addColumn("school_id", "text", (c) => c.notNull())
      .addColumn("approver", "text", (c) => c.notNull())
      .addColumn("approver_id", "text")
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("approved_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("incident_settings")
      .addColumn("school_id", "text", (c) => c.primaryKey().references("schools.id"))
      .addColumn("two_person_review", "integer", (c) => c.notNull())
      .addColumn("letter_template", "text")
      .addColumn("updated_by", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("monitoring_holds")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("device", "text")
      .addColumn("user_name", "text")
      .addColumn("incident_id", "text", (c) => c.notNull())
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("released_at", "text")
      .execute();
    await db.schema
      .createIndex("monitoring_holds_school")
      .on("monitoring_holds")
      .columns(["school_id", "device"])
      .execute();
  },
};
