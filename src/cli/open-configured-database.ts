/** Loads the configuration and opens the configured database with the schema up to date. */
import { migrateToLatest } from "../db/migrate.js";
import { openDatabase, type VigilDatabase } from "../db/open-database.js";
import { loadConfig } from "../platform/config/load-config.js";
import type { Config } from "../platform/config/settings.js";

/** Opens and migrates; the caller closes the database. */
export async function openConfiguredDatabase(): Promise<{
  config: Config;
  database: VigilDatabase;
  applied: string[];
}> {
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl);
  try {
    const { applied } = await migrateToLatest(database.db);
    return { config, database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}
