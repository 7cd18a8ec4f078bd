/**
 * Releasing a monitoring hold: a hold placed for a police investigation (0008) had `released_at`
 * but no way to set it, so held activity was never purged. A release records who released it and
 * why, beside when, so the hold's row answers "why is this child's data no longer kept?" on its own.
 */
import type { Kysely } from "kysely";
import type { Migration } from "./migration.js";

export const monitoringHoldRelease: Migration = {
  name: "0017-monitoring-hold-release",
  async up(db: Kysely<unknown>) {
    // Both null while the hold is in force; both set, with `released_at`, when it is released.
    await db.schema.alterTable("monitoring_holds").addColumn("released_by", "text").execute();
    await db.schema.alterTable("monitoring_holds").addColumn("release_reason", "text").execute();
  },
};
