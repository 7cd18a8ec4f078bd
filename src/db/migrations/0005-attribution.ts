/** Attribution: which device and user held an IP address when (DHCP leases, logon events, imports). */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const attribution: Migration = {
  name: "0005-attribution",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("ip_assignments")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("ip", "text", (c) => c.notNull())
      .addColumn("device", "text")
      .addColumn("user_name", "text")
      .addColumn("starts_at", "text", (c) => c.notNull())
      .addColumn("ends_at", "text")
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    // The lookup: one school's assignments of one address, newest window first.
    await db.schema
      .createIndex("ip_assignments_lookup")
      .on("ip_assignments")
      .columns(["school_id", "ip", "starts_at"])
      .execute();
  },
};
