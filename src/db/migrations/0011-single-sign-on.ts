/** Single sign-on: identity providers per school and the short-lived sign-in flows started with them. */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const singleSignOn: Migration = {
  name: "0011-single-sign-on",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("identity_providers")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("label", "text", (c) => c.notNull())
      .addColumn("issuer", "text", (c) => c.notNull())
      .addColumn("client_id", "text", (c) => c.notNull())
      // AES-256-GCM under a key derived from the instance's evidence key; never stored in clear.
      .addColumn("client_secret_sealed", "text", (c) => c.notNull())
      // JSON array of lower-case domain names whose addresses may sign in through this provider.
      .addColumn("allowed_domains", "text", (c) => c.notNull())
      .addColumn("trust_provider_mfa", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("identity_providers_by_school")
      .on("identity_providers")
      .column("school_id")
      .execute();

    // One row per redirect to a provider; the browser holds only a random token whose SHA-256 is the id.
    await db.schema
      .createTable("sso_flows")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("provider_id", "text", (c) => c.notNull())
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("nonce", "text", (c) => c.notNull())
      .addColumn("code_verifier", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("sso_flows_by_expiry").on("sso_flows").column("expires_at").execute();
  },
};
