/**
 * Notification settings in a real browser: a safeguarding lead adds a contact (a contact with no
 * address is refused next to its field), adds an escalation policy (a zero deadline is refused by
 * field), and sees a failing delivery with its attempts and last error. No WCAG 2.1 AA violations.
 */
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VigilDatabase } from "../../src/db/open-database.js";
import { buildUser, enrolSecondFactor, signInAs } from "../../src/identity/test-support/identity-builders.js";
import { notificationScheduler } from "../../src/notifications/notification-scheduler.js";
import { buildRoutedAlert } from "../../src/notifications/test-support/notification-builders.js";
import { ManualClock } from "../../src/platform/jobs/clock.js";
import { buildSchool } from "../../src/test-support/builders.js";
import {
  startConsoleApp,
  consoleTestsReady,
  screenshotsFolder,
  type ConsoleApp,
} from "../support/console-app.js";
import { accessibilityViolations } from "../support/browser.js";

describe.skipIf(!consoleTestsReady)("notification settings in Chromium", () => {
  let world: ConsoleApp;
  let database: VigilDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let schoolId: string;
  let page: Page;
  const at = (path: string) => `${baseUrl}/s/${schoolId}/notifications/${path}`;

  beforeAll(async () => {
    world = await startConsoleApp();
    ({ database, app, baseUrl } = world);
    ({ schoolId } = await buildSchool(database, { name: "Oak Primary" }));
    const { email } = await buildUser(database, { schoolId, role: "designated-safeguarding-lead" });
    const { secret } = await enrolSecondFactor(await signInAs(app, email));
    page = await world.signedInPage(email, secret);
  }, 120_000);
  afterAll(async () => {
    await (world as ConsoleApp | undefined)?.close();
  });

  it("adds a contact, refusing one with no address next to its field", async () => {
    await page.goto(at("contacts"));
    await page.getByRole("table", { name: "Contacts" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "Name" }).fill("Sam Lee (DSL)");
    await page.getByRole("button", { name: "Add contact" }).click();
    await page.getByText("give an email address or a webhook URL").waitFor();
    await page.getByRole("textbox", { name: "Email address" }).fill("dsl@oak.example");
    await page.getByRole("button", { name: "Add contact" }).click();
    await page.getByRole("cell", { name: "dsl@oak.example" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsFolder, "notification-contacts.png") });
  });

  it("adds an escalation policy, refusing a zero deadline by field", async () => {
    await page.goto(at("escalation"));
    await page.getByRole("table", { name: "Routing and escalation policies" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "Policy name" }).fill("Self-harm: DSL at once");
    await page.getByLabel("At once, day or night (ignore working hours)").check();
    // The pills wrapper lies over the input and takes the click, as a person's click would land.
    await page.getByRole("textbox", { name: "Escalation chain, in order" }).click({ force: true });
    await page.getByRole("option", { name: "Sam Lee (DSL)" }).click();
    await page.keyboard.press("Escape");
    const deadline = page.getByLabel("Deadline at severity 5 (minutes)");
    await deadline.fill("0");
    await page.getByRole("button", { name: "Add policy" }).click();
    await page.getByText("a deadline must be at least 1 minute").waitFor();
    await deadline.fill("15");
    await page.getByRole("button", { name: "Add policy" }).click();
    await page.getByRole("cell", { name: "Self-harm: DSL at once" }).waitFor();
    await expect(page.getByRole("cell", { name: "at once, day or night" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("cell", { name: "Sam Lee (DSL)" }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshotsFolder, "escalation-policies.png") });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows a failing delivery with its attempts and last error", async () => {
    const start = new Date();
    await buildRoutedAlert(database, schoolId, { at: start, severity: 5 });
    await notificationScheduler(database, {
      config: { publicUrl: baseUrl },
      mailer: { send: () => Promise.reject(new Error("550 mailbox unavailable")) },
      clock: new ManualClock(new Date(start.getTime() + 1_000)),
    }).runOnce();
    await page.goto(at("deliveries"));
    await page.getByRole("table", { name: "Deliveries, newest first" }).waitFor();
    await page.getByRole("cell", { name: "550 mailbox unavailable" }).waitFor();
    await expect(page.getByText("retrying").first().isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
