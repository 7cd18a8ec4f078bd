/**
 * First run in a real browser: the one-time link opens the setup page, a mistake is shown next to
 * its field, and a corrected form sets Vigil up. The page has no accessibility violations.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../src/db/migrate.js";
import { openDatabase, type VigilDatabase } from "../../src/db/open-database.js";
import { loadConfig } from "../../src/platform/config/load-config.js";
import { createServer } from "../../src/platform/http/create-server.js";
import { issueSetupToken } from "../../src/setup/setup-state.js";
import { accessibilityViolations, chromiumPath, launchBrowser } from "../support/browser.js";

const screenshots = join(import.meta.dirname, "..", "..", "docs", "screenshots");

describe.skipIf(!existsSync(chromiumPath))("first-run setup in Chromium", () => {
  let database: VigilDatabase;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    database = await openDatabase(join(mkdtempSync(join(tmpdir(), "vigil-e2e-")), "vigil.db"));
    await migrateToLatest(database.db);
    app = await createServer({ config: { ...loadConfig({}), logLevel: "silent" }, database });
    baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await app.close();
    await database.close();
  });

  it("says what to do when opened without the one-time link", async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/setup`);
    await expect(page.getByText("This page needs the one-time link").isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("shows a mistake next to its field, then sets Vigil up", async () => {
    const token = await issueSetupToken(database.db);
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    await page.goto(`${baseUrl}/setup?token=${token}`);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("Organisation name").fill("Oak Learning Trust");
    await page.getByLabel("What kind of organisation is it?").selectOption("trust");
    await page.getByLabel("School name").fill("Oak Primary");
    await page.getByLabel("Your name").fill("Ann Patel");
    await page.getByLabel("Email address").fill("ann@oak.example");
    await page.getByLabel(/^Password/).fill("short");
    await page.screenshot({ path: join(screenshots, "setup.png") });
    await page.getByRole("button", { name: "Set up Vigil" }).click();

    const passwordError = page.locator('[id="admin.password-error"]');
    await expect(passwordError.textContent()).resolves.toContain("at least 12 characters");
    await expect(page.getByLabel(/^Password/).getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByLabel("Organisation name").inputValue()).resolves.toBe("Oak Learning Trust");

    await page.getByLabel(/^Password/).fill("a long pass phrase");
    await page.getByRole("button", { name: "Set up Vigil" }).click();
    await page.getByText("Vigil is set up.").waitFor();
    const school = await database.db.selectFrom("schools").select("name").executeTakeFirstOrThrow();
    expect(school.name).toBe("Oak Primary");
    await page.close();
  });
});
