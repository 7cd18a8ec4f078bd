/** A school's own additions, allowed terms and suppressions, applied on top of the shipped library. */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const detectionOverrides: Migration = {
  name: "0003-detection-overrides",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("detection_overrides")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("phrase", "text")
      .addColumn("category", "text")
      .addColumn("weight", "integer")
      .addColumn("severity", "integer")
      .addColumn("rule_id", "text")
      .addColumn("site", "text")
      .addColumn("user_name", "text")
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text")
      .addColumn("revoked_at", "text")
      .addColumn("revoked_by", "text")
      .execute();
    await db.schema
      .createIndex("detection_overrides_school")
      .on("detection_overrides")
      .columns(["school_id", "kind"])
      .execute();
  },
};
