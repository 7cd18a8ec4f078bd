/** Capture: ingest keys, captured events (and their detection queue), log checkpoints, alerts. */
import { sql, type Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const capture: Migration = {
  name: "0004-capture",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("ingest_keys")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("key_hash", "text", (c) => c.notNull().unique())
      .addColumn("key_prefix", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_used_at", "text")
      .addColumn("revoked_at", "text")
      .addColumn("revoked_by", "text")
      .execute();
    await db.schema.createIndex("ingest_keys_school").on("ingest_keys").column("school_id").execute();

    await db.schema
      .createTable("events")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("sender_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("time", "text", (c) => c.notNull())
      .addColumn("user_name", "text")
      .addColumn("device", "text")
      .addColumn("ip", "text")
      .addColumn("url", "text")
      .addColumn("host", "text")
      .addColumn("text", "text")
      .addColumn("action", "text")
      .addColumn("filter_category", "text")
      .addColumn("detail", "text")
      .addColumn("received_at", "text", (c) => c.notNull())
      .addColumn("processed_at", "text")
      .addUniqueConstraint("events_sender_key", ["school_id", "source", "sender_id"])
      .execute();
    await db.schema.createIndex("events_school_time").on("events").columns(["school_id", "time"]).execute();
    // The local detection queue: only unprocessed rows are in this index, so it stays small.
    await db.schema
      .createIndex("events_unprocessed")
      .on("events")
      .column("id")
      .where(sql.ref("processed_at"), "is", null)
      .execute();

    await db.schema
      .createTable("ingest_checkpoints")
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("inode", "text", (c) => c.notNull())
      .addColumn("byte_offset", "bigint", (c) => c.notNull())
      .addColumn("line_number", "bigint", (c) => c.notNull())
      .addColumn("first_line_hash", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("ingest_checkpoints_pk", ["school_id", "source"])
      .execute();

    await db.schema
      .createTable("alerts")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("severity", "integer", (c) => c.notNull())
      .addColumn("categories", "text", (c) => c.notNull())
      .addColumn("explanation", "text", (c) => c.notNull())
      .addColumn("evidence", "text")
      .addColumn("url", "text")
      .addColumn("user_name", "text")
      .addColumn("device", "text")
      .addColumn("ip", "text")
      .addColumn("first_seen", "text", (c) => c.notNull())
      .addColumn("last_seen", "text", (c) => c.notNull())
      .addColumn("count", "integer", (c) => c.notNull())
      .addColumn("group_key", "text", (c) => c.notNull())
      .addColumn("first_event_id", "text", (c) => c.notNull())
      .addColumn("last_event_id", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("alerts_school_status")
      .on("alerts")
      .columns(["school_id", "status", "last_seen"])
      .execute();
    await db.schema.createIndex("alerts_group").on("alerts").columns(["group_key", "last_seen"]).execute();
  },
};
