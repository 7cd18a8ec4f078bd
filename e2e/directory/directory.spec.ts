/**
 * The directory page in a real browser: an administrator uploads a OneRoster bundle with a bad
 * row and sees it named by file, line and column (nothing stored), then imports the corrected
 * bundle and sees what changed, then a dry run of the same bundle changes nothing. No WCAG 2.1
 * AA violations at any step.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../src/db/migrate.js";
import { openDatabase, type VigilDatabase } from "../../src/db/open-database.js";
import { elmBundle, elmSchoolName } from "../../src/directory/test-support/oneroster-fixtures.js";
import {
  buildUser,
  enrolSecondFactor,
  signInAs,
  testPassword,
} from "../../src/identity/test-support/identity-builders.js";
import { currentTotp } from "../../src/identity/two-factor/totp.js";
import { loadConfig } from "../../src/platform/config/load-config.js";
import { consoleRoot } from "../../src/platform/http/console.routes.js";
import { createServer } from "../../src/platform/http/create-server.js";
import { markSetupComplete } from "../../src/setup/setup-state.js";
import { buildSchool } from "../../src/test-support/builders.js";
import { accessibilityViolations, actionTimeoutMs, chromiumPath, launchBrowser } from "../support/browser.js";

const screenshots = join(import.meta.dirname, "..", "..", "docs", "screenshots");
const ready = existsSync(chromiumPath) && existsSync(join(consoleRoot, "index.html"));

function asUploads(files: Record<string, string>) {
  return Object.entries(files).map(([name, text]) => ({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(text),
  }));
}

describe.skipIf(!ready)("the directory page in Chromium", () => {
  let database: VigilDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let schoolId: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    database = await openDatabase(join(mkdtempSync(join(tmpdir(), "vigil-directory-e2e-")), "vigil.db"));
    await migrateToLatest(database.db);
    await markSetupComplete(database.db);
    app = await createServer({ config: { ...loadConfig({}), logLevel: "silent" }, database });
    baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    ({ schoolId } = await buildSchool(database, { name: elmSchoolName }));
    const { email } = await buildUser(database, { schoolId, role: "administrator" });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(actionTimeoutMs);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(testPassword);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/s\//);
  }, 120_000);
  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (app as FastifyInstance | undefined)?.close();
    await (database as VigilDatabase | undefined)?.close();
  });

  it("names a bad row, then imports the corrected bundle and shows what changed", async () => {
    await page.goto(`${baseUrl}/s/${schoolId}/directory`);
    await page.getByRole("heading", { name: "Directory" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("What you are importing").selectOption("oneroster");
    const bad = elmBundle({
      users: { "tea-1": "tea-1,,,true,org-elm,teacher,mjones,,Mary,Jones,,,mary@,,,,," },
    });
    await page.getByLabel("CSV files").setInputFiles(asUploads(bad));
    await page.getByLabel("Dry run: check and report, store nothing").uncheck();
    await page.getByRole("button", { name: "Import" }).click();
    const problems = page.getByRole("table", { name: "Problems in the files" });
    await problems.getByRole("cell", { name: "users.csv line 5, email" }).waitFor();
    await expect(
      problems.getByRole("cell", { name: '"mary@" is not a valid email address' }).isVisible(),
    ).resolves.toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    const stored = await database.db.selectFrom("pupils").select("id").execute();
    expect(stored).toEqual([]);

    await page.getByLabel("CSV files").setInputFiles(asUploads(elmBundle()));
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByText("Imported: 4 added, 0 changed, 0 left, 0 unchanged.").waitFor();
    const report = page.getByRole("table", { name: "Import report" });
    await expect(report.getByRole("row", { name: "Pupils 3 0 0 0" }).isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "directory-import.png") });

    await page.getByLabel("Dry run: check and report, store nothing").check();
    await page.getByRole("button", { name: "Check import" }).click();
    await page.getByText("Dry run, nothing stored: 0 added, 0 changed, 0 left, 4 unchanged.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it("shows a safeguarding lead the pupils, searchable by username", async () => {
    const { email } = await buildUser(database, { schoolId, role: "designated-safeguarding-lead" });
    const { secret } = await enrolSecondFactor(await signInAs(app, email));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const lead = await context.newPage();
    lead.setDefaultTimeout(actionTimeoutMs);
    await lead.goto(`${baseUrl}/sign-in`);
    await lead.getByLabel("Email address").fill(email);
    await lead.getByLabel("Password").fill(testPassword);
    await lead.keyboard.press("Enter");
    await lead.getByLabel("Code").fill(currentTotp(secret, Date.now() + 30_000));
    await lead.keyboard.press("Enter");
    await lead.waitForURL(/\/s\//);
    await lead.goto(`${baseUrl}/s/${schoolId}/directory/pupils`);
    const table = lead.getByRole("table", { name: "Pupils by name" });
    await table.getByRole("cell", { name: "Smith, John" }).waitFor();
    expect(await table.getByRole("row").count()).toBe(4);
    expect(await accessibilityViolations(lead)).toEqual([]);
    await lead.getByLabel("Name or username").fill("apatel");
    await lead.getByRole("button", { name: "Find" }).click();
    await table.getByRole("cell", { name: "Patel, Asha" }).waitFor();
    await expect(table.getByRole("cell", { name: "Smith, John" }).count()).resolves.toBe(0);
    await context.close();
  }, 120_000);
});
