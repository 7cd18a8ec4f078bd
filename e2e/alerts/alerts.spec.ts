/**
 * Alert triage in a real browser: a safeguarding lead works the queue with the keyboard, opens an
 * alert (the matched words highlighted, the explanation in plain words), dismisses it as a false
 * positive, and sees the rule's precision fall. No WCAG 2.1 AA violations on any page.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAlert } from "../../src/alerts/test-support/alert-builders.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { openDatabase, type VigilDatabase } from "../../src/db/open-database.js";
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
import { buildStaff } from "../../src/directory/test-support/directory-builders.js";
import { buildSchool } from "../../src/test-support/builders.js";
import { accessibilityViolations, actionTimeoutMs, chromiumPath, launchBrowser } from "../support/browser.js";

const screenshots = join(import.meta.dirname, "..", "..", "docs", "screenshots");
const ready = existsSync(chromiumPath) && existsSync(join(consoleRoot, "index.html"));

describe.skipIf(!ready)("alert triage in Chromium", () => {
  let database: VigilDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let schoolId: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    database = await openDatabase(join(mkdtempSync(join(tmpdir(), "vigil-alerts-e2e-")), "vigil.db"));
    await migrateToLatest(database.db);
    await markSetupComplete(database.db);
    app = await createServer({ config: { ...loadConfig({}), logLevel: "silent" }, database });
    baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    ({ schoolId } = await buildSchool(database, { name: "Oak Primary" }));
    const base = Date.now() - 3_600_000;
    await buildAlert(database, schoolId, {
      userName: "pupil.amy",
      time: new Date(base).toISOString(),
      severity: 3,
    });
    await buildAlert(database, schoolId, {
      userName: "pupil.ben",
      time: new Date(base + 60_000).toISOString(),
    });
    // A member of staff's alert: marked "about a member of staff" when it is recorded.
    await buildStaff(database, schoolId, { username: "mr.jones" });
    await buildAlert(database, schoolId, {
      userName: "mr.jones",
      time: new Date(base - 60_000).toISOString(),
    });
    const { email } = await buildUser(database, { schoolId, role: "designated-safeguarding-lead" });
    const { secret } = await enrolSecondFactor(await signInAs(app, email));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(actionTimeoutMs);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(testPassword);
    await page.keyboard.press("Enter");
    await page.getByLabel("Code").fill(currentTotp(secret, Date.now() + 30_000));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/s\//);
  }, 120_000);
  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (app as FastifyInstance | undefined)?.close();
    await (database as VigilDatabase | undefined)?.close();
  });

  it("works the queue with the keyboard and opens an alert with its words highlighted", async () => {
    await page.goto(`${baseUrl}/s/${schoolId}/alerts`);
    await page.getByRole("table", { name: "Alert queue" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "alert-queue.png") });
    await page.getByRole("row", { name: /about pupil\.ben/ }).focus();
    await page.keyboard.press("j");
    await expect(page.locator(":focus").getAttribute("aria-label")).resolves.toMatch(/about pupil\.amy/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Why this alert was raised" }).waitFor();
    await expect(page.locator("mark").first().textContent()).resolves.toBe("kill myself");
    await page.getByText('The words "kill myself" matched rule en.self-harm.kill-myself').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "alert.png") });
  });

  it("dismisses the alert as a false positive, and the rule's precision falls", async () => {
    await page.getByRole("textbox", { name: "Note (kept in the alert's history)" }).fill("quoting a song");
    await page.getByRole("button", { name: "Dismiss as false positive" }).click();
    await page.getByRole("cell", { name: "quoting a song" }).waitFor();
    await page.goto(`${baseUrl}/s/${schoolId}/rule-precision`);
    await page.getByRole("table", { name: "Rule precision" }).waitFor();
    await page.getByRole("cell", { name: "0%" }).waitFor();
    await expect(page.getByRole("list", { name: "Noisiest rules" }).textContent()).resolves.toContain(
      "en.self-harm.kill-myself: 1 false positive",
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "rule-precision.png") });
  });

  it("filters the queue to alerts about staff and marks such an alert", async () => {
    await page.goto(`${baseUrl}/s/${schoolId}/alerts`);
    await page.getByRole("table", { name: "Alert queue" }).waitFor();
    await page.getByRole("textbox", { name: "About" }).click();
    await page.getByRole("option", { name: "A member of staff" }).click();
    await page.getByRole("row", { name: /about pupil\.ben/ }).waitFor({ state: "detached" });
    await page.getByRole("row", { name: /about mr\.jones/ }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("About a member of staff").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
