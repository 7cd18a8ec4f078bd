/**
 * Access governance: requests for access beyond a role (decided by the SIRO, expiring), accounts
 * that expire by themselves (guest and supply staff), and the termly access review's sign-offs.
 */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const accessGovernance: Migration = {
  name: "0012-access-governance",
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("users").addColumn("expires_at", "text").execute();

    await db.schema
      .createTable("access_requests")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("requester_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("subject", "text")
      .addColumn("reason", "text", (c) => c.notNull())
      .addColumn("requested_until", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("decided_by", "text", (c) => c.references("users.id"))
      .addColumn("decided_at", "text")
      .addColumn("decision_reason", "text")
      .addColumn("granted_until", "text")
      .execute();
    await db.schema
      .createIndex("access_requests_school_status")
      .on("access_requests")
      .columns(["school_id", "status", "created_at"])
      .execute();
    await db.schema
      .createIndex("access_requests_requester")
      .on("access_requests")
      .columns(["requester_id", "status"])
      .execute();

    await db.schema
      .createTable("access_reviews")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("reviewer_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("signed_at", "text", (c) => c.notNull())
      .addColumn("report", "text", (c) => c.notNull())
      .addColumn("report_sha256", "text", (c) => c.notNull())
      .addColumn("note", "text")
      .execute();
    await db.schema
      .createIndex("access_reviews_school")
      .on("access_reviews")
      .columns(["school_id", "signed_at"])
      .execute();
  },
};
