/**
 * Identity: sign-in failures and lockout on users, TOTP second factors with recovery codes,
 * browser sessions and API tokens. Every secret that authenticates is stored as a hash only.
 */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const identity: Migration = {
  name: "0002-identity",
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("users")
      .addColumn("failed_sign_ins", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable("users").addColumn("locked_at", "text").execute();
    await db.schema.alterTable("users").addColumn("last_sign_in_at", "text").execute();
    await db.schema
      .createTable("two_factor_credentials")
      .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
      .addColumn("secret", "text", (c) => c.notNull())
      .addColumn("confirmed_at", "text")
      .addColumn("last_used_step", "integer")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("recovery_codes")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("code_hash", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("used_at", "text")
      .execute();
    await db.schema.createIndex("recovery_codes_user").on("recovery_codes").column("user_id").execute();
    await db.schema
      .createTable("sessions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("csrf_token", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_seen_at", "text", (c) => c.notNull())
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("second_factor_at", "text")
      .addColumn("ip", "text")
      .addColumn("user_agent", "text")
      .addColumn("revoked_at", "text")
      .execute();
    await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
    await db.schema
      .createTable("api_tokens")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("school_id", "text", (c) => c.notNull().references("schools.id"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("scopes", "text", (c) => c.notNull())
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("last_used_at", "text")
      .addColumn("revoked_at", "text")
      .execute();
    await db.schema.createIndex("api_tokens_school").on("api_tokens").column("school_id").execute();
  },
};
