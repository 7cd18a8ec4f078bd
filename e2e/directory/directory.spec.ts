/**
 * The directory page in a real browser: an administrator uploads a OneRoster bundle with a bad
 * row and sees it named by file, line and column (nothing stored), then imports the corrected
 * bundle and sees what changed, then a dry run of the same bundle changes nothing. No WCAG 2.1
 * AA violations at any step.
 */
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VigilDatabase } from "../../src/db/open-database.js";
import { elmBundle, elmSchoolName } from "../../src/directory/test-support/oneroster-fixtures.js";
import { buildUser, enrolSecondFactor, signInAs } from "../../src/identity/test-support/identity-builders.js";
import { buildSchool } from "../../src/test-support/builders.js";
import {
  startConsoleApp,
  consoleTestsReady,
  screenshotsFolder,
  type ConsoleApp,
} from "../support/console-app.js";
import { accessibilityViolations } from "../support/browser.js";

function asUploads(files: Record<string, string>) {
  return Object.entries(files).map(([name, text]) => ({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(text),
  }));
}

describe.skipIf(!consoleTestsReady)("the directory page in Chromium", () => {
  let world: ConsoleApp;
  let database: VigilDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let schoolId: string;
  let page: Page;

  beforeAll(async () => {
    world = await startConsoleApp();
    ({ database, app, baseUrl } = world);
    ({ schoolId } = await buildSchool(database, { name: elmSchoolName }));
    const { email } = await buildUser(database, { schoolId, role: "administrator" });
    page = await world.signedInPage(email);
  }, 120_000);
  afterAll(async () => {
    await (world as ConsoleApp | undefined)?.close();
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
    await page.screenshot({ path: join(screenshotsFolder, "directory-import.png") });

    await page.getByLabel("Dry run: check and report, store nothing").check();
    await page.getByRole("button", { name: "Check import" }).click();
    await page.getByText("Dry run, nothing stored: 0 added, 0 changed, 0 left, 4 unchanged.").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it("shows a safeguarding lead the pupils, searchable by username", async () => {
    const { email } = await buildUser(database, { schoolId, role: "designated-safeguarding-lead" });
    const { secret } = await enrolSecondFactor(await signInAs(app, email));
    const lead = await world.signedInPage(email, secret);
    await lead.goto(`${baseUrl}/s/${schoolId}/directory/pupils`);
    const table = lead.getByRole("table", { name: "Pupils by name" });
    await table.getByRole("cell", { name: "Smith, John" }).waitFor();
    expect(await table.getByRole("row").count()).toBe(4);
    expect(await accessibilityViolations(lead)).toEqual([]);
    await lead.getByLabel("Name or username").fill("apatel");
    await lead.getByRole("button", { name: "Find" }).click();
    await table.getByRole("cell", { name: "Patel, Asha" }).waitFor();
    await expect(table.getByRole("cell", { name: "Smith, John" }).count()).resolves.toBe(0);
    await lead.close();
  }, 120_000);
});
