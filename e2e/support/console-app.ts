/**
 * What every console browser test starts from: a fresh data folder and database with setup done,
 * Vigil's server with the built console listening on loopback, Debian's Chromium, and a way to open
 * a page signed in as someone (typing their authenticator code when they have one).
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { migrateToLatest } from "../../src/db/migrate.js";
import { openDatabase, type VigilDatabase } from "../../src/db/open-database.js";
import { testPassword } from "../../src/identity/test-support/identity-builders.js";
import { currentTotp } from "../../src/identity/two-factor/totp.js";
import { loadConfig } from "../../src/platform/config/load-config.js";
import { consoleRoot } from "../../src/platform/http/console.routes.js";
import { createServer } from "../../src/platform/http/create-server.js";
import { markSetupComplete } from "../../src/setup/setup-state.js";
import { actionTimeoutMs, chromiumPath, launchBrowser } from "./browser.js";

/** Where the browser tests save the screenshots the README shows. */
export const screenshotsFolder = join(import.meta.dirname, "..", "..", "docs", "screenshots");

/** Chromium is installed and the console is built (`npm run build:console`; `npm test` does it). */
export const consoleTestsReady = existsSync(chromiumPath) && existsSync(join(consoleRoot, "index.html"));

export interface ConsoleApp {
  database: VigilDatabase;
  app: FastifyInstance;
  baseUrl: string;
  dataDir: string;
  browser: Browser;
  /** A new page signed in as `email`; with `secret`, it types the current TOTP code too. */
  signedInPage(email: string, secret?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the server over a fresh database (evidence key in its own data folder) and Chromium. */
export async function startConsoleApp(): Promise<ConsoleApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-e2e-"));
  const database = await openDatabase(join(dataDir, "vigil.db"));
  await migrateToLatest(database.db);
  await markSetupComplete(database.db);
  const config = {
    ...loadConfig({}, dataDir),
    dataDir,
    evidenceKeyFile: join(dataDir, "evidence.key"),
    logLevel: "silent" as const,
  };
  const app = await createServer({ config, database });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await launchBrowser();
  return {
    database,
    app,
    baseUrl,
    dataDir,
    browser,
    signedInPage: async (email, secret) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // A missing element fails the step that waited for it, well inside the test's own time limit.
      page.setDefaultTimeout(actionTimeoutMs);
      await signInInBrowser(page, baseUrl, email, secret);
      return page;
    },
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Signs `page` in through the console's sign-in page (the test password, and the code if any). */
export async function signInInBrowser(
  page: Page,
  baseUrl: string,
  email: string,
  secret?: string,
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(testPassword);
  await page.keyboard.press("Enter");
  if (secret) {
    // The next step's code, so a code made just before the 30-second boundary is not already old.
    await page.getByLabel("Code").fill(currentTotp(secret, Date.now() + 30_000));
    await page.keyboard.press("Enter");
  }
  await page.waitForURL(/\/s\//);
}
