/** Tenancy (organisations own schools), people and their roles, instance settings, the audit chain. */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const foundation: Migration = {
  name: "0001-foundation",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("organisations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("schools")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("schools_organisation").on("schools").column("organisation_id").execute();
    await db.schema
      .createTable("users")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("email", "text", (c) => c.notNull().unique())
      .addColumn("display_name", "text", (c) => c.notNull())
      .addColumn("password_hash", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("disabled_at", "text")
      .execute();
    await db.schema
      .createTable("memberships")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("memberships_user_school_role", ["user_id", "school_id", "role"])
      .execute();
    await db.schema.createIndex("memberships_school").on("memberships").column("school_id").execute();
    await db.schema
      .createTable("instance_settings")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("value", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("audit_records")
      .addColumn("chain", "text", (c) => c.notNull())
      .addColumn("seq", "integer", (c) => c.notNull())
      .addColumn("school_id", "text")
      .addColumn("event", "text", (c) => c.notNull())
      .addColumn("actor_kind", "text", (c) => c.notNull())
      .addColumn("actor_id", "text")
      .addColumn("actor_label", "text", (c) => c.notNull())
      .addColumn("ip", "text")
      .addColumn("subject_type", "text")
      .addColumn("subject_id", "text")
      .addColumn("data", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("prev_hash", "text", (c) => c.notNull())
      .addColumn("hash", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("audit_records_pk", ["chain", "seq"])
      .execute();
    await db.schema
      .createIndex("audit_records_school")
      .on("audit_records")
      .columns(["school_id", "created_at"])
      .execute();
    await db.schema
      .createTable("audit_chain_heads")
      .addColumn("chain", "text", (c) => c.primaryKey())
      .addColumn("seq", "integer", (c) => c.notNull())
      .addColumn("hash", "text", (c) => c.notNull())
      .execute();
  },
};
