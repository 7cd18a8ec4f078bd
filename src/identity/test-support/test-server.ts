/** A server over a test database with first-run setup marked done, for identity's HTTP tests. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { VigilDatabase } from "../../db/open-database.js";
import { loadConfig } from "../../platform/config/load-config.js";
import type { Config } from "../../platform/config/settings.js";
import { createServer } from "../../platform/http/create-server.js";
import { markSetupComplete } from "../../setup/setup-state.js";

/** Starts an in-process server (use `inject`); close it in afterAll. */
export async function startTestServer(
  database: VigilDatabase,
  overrides: Partial<Config> = {},
): Promise<FastifyInstance> {
  await markSetupComplete(database.db);
  const config = { ...loadConfig({}, mkdtempSync(join(tmpdir(), "vigil-id-"))), logLevel: "silent" as const };
  return createServer({ config: { ...config, ...overrides }, database });
}
