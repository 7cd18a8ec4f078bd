/** What route modules are given: the configuration and the open database. */
import type { VigilDatabase } from "../../db/open-database.js";
import type { Config } from "../config/settings.js";

export interface AppServices {
  config: Config;
  database: VigilDatabase;
}
