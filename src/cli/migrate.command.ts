/** `vigil migrate`: bring the database schema up to date (serve also does this at start). */
import type { Command } from "commander";
import { openConfiguredDatabase } from "./open-configured-database.js";

/** Adds the `migrate` command. */
export function addMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("Apply pending database migrations")
    .action(async () => {
      const { database, applied } = await openConfiguredDatabase();
      await database.close();
      const what = applied.length === 0 ? "The database is up to date." : `Applied: ${applied.join(", ")}.`;
      process.stdout.write(`${what} (${database.capabilities.engine}: ${database.displayUrl})\n`);
    });
}
