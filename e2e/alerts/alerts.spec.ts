/**
 * Alert triage in a real browser: a safeguarding lead works the queue with the keyboard, opens an
 * alert (the matched words highlighted, the explanation in plain words), dismisses it as a false
 * positive, and sees the rule's precision fall. No WCAG 2.1 AA violations on any page.
 */
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAlert } from "../../src/alerts/test-support/alert-builders.js";
import type { VigilDatabase } from "../../src/db/open-database.js";
import { buildUser, enrolSecondFactor, signInAs } from "../../src/identity/test-support/identity-builders.js";
import { buildStaff } from "../../src/directory/test-support/directory-builders.js";
import { buildSchool } from "../../src/test-support/builders.js";
import {
  startConsoleApp,
  consoleTestsReady,
  screenshotsFolder,
  type ConsoleApp,
} from "../support/console-app.js";
import { accessibilityViolations } from "../support/browser.js";

describe.skipIf(!consoleTestsReady)("alert triage in Chromium", () => {
  let world: ConsoleApp;
  let database: VigilDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let schoolId: string;
  let page: Page;

  beforeAll(async () => {
    world = await startConsoleApp();
    ({ database, app, baseUrl } = world);
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
    page = await world.signedInPage(email, secret);
  }, 120_000);
  afterAll(async () => {
    await (world as ConsoleApp | undefined)?.close();
  });

  it("works the queue with the keyboard and opens an alert with its words highlighted", async () => {
    await page.goto(`${baseUrl}/s/${schoolId}/alerts`);
    await page.getByRole("table", { name: "Alert queue" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsFolder, "alert-queue.png") });
    await page.getByRole("row", { name: /about pupil\.ben/ }).focus();
    await page.keyboard.press("j");
    await expect(page.locator(":focus").getAttribute("aria-label")).resolves.toMatch(/about pupil\.amy/);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Why this alert was raised" }).waitFor();
    await expect(page.locator("mark").first().textContent()).resolves.toBe("kill myself");
    await page.getByText('The words "kill myself" matched rule en.self-harm.kill-myself').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsFolder, "alert.png") });
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
    await page.screenshot({ path: join(screenshotsFolder, "rule-precision.png") });
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

  it("raises an alert to an incident, which opens with the alert's evidence", async () => {
    const ben = await database.db
      .selectFrom("alerts")
      .select("id")
      .where("school_id", "=", schoolId)
      .where("user_name", "=", "pupil.ben")
      .executeTakeFirstOrThrow();
    await page.goto(`${baseUrl}/s/${schoolId}/alerts/${ben.id}`);
    await page.getByRole("heading", { name: "Raise to an incident" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "Type of incident" }).click();
    await page.getByRole("option", { name: "Bullying or harassment" }).click();
    await page.getByRole("button", { name: "Raise to an incident" }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await page.getByRole("list", { name: "Chronology, oldest first" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const raised = await database.db
      .selectFrom("alerts")
      .select("status")
      .where("id", "=", ben.id)
      .executeTakeFirstOrThrow();
    expect(raised.status).toBe("incident");
  });
});
