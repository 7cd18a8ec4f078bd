/**
 * The management console in a real browser: sign in with a second factor, see the dashboard (and
 * how long its first load takes), move around by keyboard, find a pupil through search, open the
 * activity explorer and reload a deep link, open the notifications and follow one, read the
 * retention period in settings, and see a lost connection explained without losing what was typed.
 * Every main page has no WCAG 2.1 AA violations and is photographed for the README.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { testPassword } from "../../src/identity/test-support/identity-builders.js";
import { currentTotp } from "../../src/identity/two-factor/totp.js";
import { consoleRoot } from "../../src/platform/http/console.routes.js";
import { accessibilityViolations, chromiumPath, launchBrowser } from "../support/browser.js";
import { buildConsoleWorld, type ConsoleWorld } from "./console-world.js";

const screenshots = join(import.meta.dirname, "..", "..", "docs", "screenshots");
// A small school morning by default; VIGIL_E2E_PUPILS and VIGIL_E2E_HOURS measure at demo size (600, 8).
const worldSize = {
  pupils: Number(process.env.VIGIL_E2E_PUPILS ?? 60),
  hours: Number(process.env.VIGIL_E2E_HOURS ?? 3),
};

async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press("Tab");
    const focused = ((await page.locator(":focus").textContent()) ?? "").trim();
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

async function photograph(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

describe.skipIf(!existsSync(chromiumPath))("the console in Chromium", () => {
  let world: ConsoleWorld;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(consoleRoot, "index.html"))) {
      throw new Error("The console is not built: run `npm run build:console` (npm test does it first).");
    }
    world = await buildConsoleWorld(worldSize);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 1_800_000);
  afterAll(async () => {
    // Either may be missing when building the world failed; the failure is what should show.
    await (browser as Browser | undefined)?.close();
    const built = world as ConsoleWorld | undefined;
    await built?.app.close();
    await built?.database.close();
  });

  afterEach(async (context) => {
    // A failing step leaves a picture of what the browser showed, for whoever reads the CI log.
    if (context.task.result?.state === "fail") {
      await page.screenshot({
        path: join(tmpdir(), `vigil-console-failed-${context.task.name.slice(0, 40)}.png`),
      });
    }
  });

  it("signs in by keyboard, shows a mistake next to its field, then asks for the second factor", async () => {
    await page.goto(`${world.baseUrl}/`);
    await page.getByLabel("Email address").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(await accessibilityViolations(page)).toEqual([]);
    await photograph(page, "sign-in");

    await page.getByLabel("Email address").fill("not an email");
    await page.keyboard.press("Enter");
    await page.getByText("The email address must be a valid email address").waitFor();

    await page.getByLabel("Email address").fill(world.lead.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(testPassword);
    await page.keyboard.press("Enter");
    await page.getByLabel("Code").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Code").fill(currentTotp(world.lead.secret, Date.now() + 30_000));
    await page.keyboard.press("Enter");
    await page.getByTestId("dashboard-data").waitFor();
  });

  it("shows the dashboard: the quiet source, the waiting queue, today's alerts and the trend chart", async () => {
    await page.goto(`${world.baseUrl}/s/${world.schoolId}/dashboard`);
    await page.getByTestId("dashboard-data").waitFor();
    const shownAt = await page.evaluate(
      () => performance.getEntriesByName("vigil:dashboard-shown")[0]?.startTime ?? -1,
    );
    console.log(
      `dashboard first load: ${Math.round(shownAt)} ms from navigation start to data shown (${world.eventCount} events)`,
    );
    expect(shownAt).toBeGreaterThan(0);

    await page.getByText("1 source has gone quiet").waitFor();
    await expect(page.getByText("squid-proxy: last event").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: "Waiting for review" }).isVisible()).resolves.toBe(true);
    await expect(page.locator(".recharts-surface").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole("textbox", { name: "School" }).inputValue()).resolves.toBe("Oak Primary");
    expect(await accessibilityViolations(page)).toEqual([]);
    await photograph(page, "dashboard");

    // A tablet held upright keeps the navigation beside the page; narrower, it folds behind a
    // button that the keyboard can open.
    await page.setViewportSize({ width: 768, height: 1024 });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Activity" }).isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await photograph(page, "dashboard-tablet");
    await page.setViewportSize({ width: 600, height: 900 });
    await page.getByRole("button", { name: "Open navigation" }).focus();
    await page.keyboard.press("Enter");
    await nav.getByRole("link", { name: "Activity" }).waitFor();
    await page.keyboard.press("Enter");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("opens the notifications in the header and follows one to the page where it is dealt with", async () => {
    await page.goto(`${world.baseUrl}/s/${world.schoolId}/dashboard`);
    await page.getByTestId("dashboard-data").waitFor();
    const bell = page.getByRole("button", { name: /^Notifications\W*\d+\s*need you$/ });
    await bell.waitFor();
    await bell.click();
    const waiting = page
      .getByRole("dialog")
      .getByRole("link", { name: /at severity 4 or above waiting for review$/ });
    await waiting.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await photograph(page, "notifications");
    await waiting.click();
    await page.waitForURL(/\/alerts$/);
    await page.getByRole("heading", { name: "Alert queue", level: 1 }).waitFor();
  });

  it("shows the retention period and the last purge in settings", async () => {
    await page.goto(`${world.baseUrl}/s/${world.schoolId}/settings`);
    await page.getByText(/^Captured activity is kept for 90 days, then deleted each night/).waitFor();
    await expect(page.getByRole("table", { name: "Retention" }).textContent()).resolves.toContain("Not yet");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("moves through the main navigation with Tab and Enter", async () => {
    await page.goto(`${world.baseUrl}/s/${world.schoolId}/dashboard`);
    await page.getByTestId("dashboard-data").waitFor();
    await tabTo(page, "Activity");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/activity$/);
    await page.getByRole("heading", { name: "Activity", level: 1 }).waitFor();
  });

  it("finds a pupil through the global search and opens their page", async () => {
    const search = page.getByRole("textbox", { name: "Search pupils, devices, alerts and addresses" });
    await search.fill("jamie");
    await search.press("Enter");
    await page.getByRole("heading", { name: "Search: jamie" }).waitFor();
    await page.getByRole("link", { name: world.pupil }).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await photograph(page, "search");

    await page.getByRole("link", { name: world.pupil }).first().click();
    await page.getByRole("heading", { name: `Pupil: ${world.pupil}` }).waitFor();
    await page.getByRole("table", { name: `Alerts about ${world.pupil}` }).waitFor();
    await page.getByRole("table", { name: `Activity of ${world.pupil}, newest first` }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await photograph(page, "pupil");
  });

  it("filters the activity explorer, keeps the filter in the address through a reload, and offers CSV", async () => {
    await page.goto(`${world.baseUrl}/s/${world.schoolId}/activity`);
    await page.getByRole("table", { name: "Activity, newest first" }).waitFor();
    await page.getByLabel("Pupil", { exact: true }).fill(world.pupil);
    await page.keyboard.press("Enter");
    await page.waitForURL(/pupil=/);
    await page.reload();
    await expect(page.getByLabel("Pupil", { exact: true }).inputValue()).resolves.toBe(world.pupil);
    const rows = page.getByRole("table", { name: "Activity, newest first" }).locator("tbody tr");
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(2);
    const csv = await page.getByRole("link", { name: "Download as CSV" }).getAttribute("href");
    expect(csv).toContain(`pupil=${encodeURIComponent(world.pupil)}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await photograph(page, "activity");
  });

  it("browses the phrase library and makes a local change in settings, with the mistake next to its field", async () => {
    await page.goto(`${world.baseUrl}/s/${world.schoolId}/settings?tab=library`);
    await page.getByLabel("Search the library").fill("kill myself");
    await page.getByRole("button", { name: /en\.self-harm\.kill-myself/ }).click();
    await page.getByText("Should not match").filter({ visible: true }).first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await photograph(page, "settings-phrase-library");

    await page.getByRole("tab", { name: "Local changes" }).click();
    await page.getByRole("textbox", { name: "What to do" }).click();
    await page.getByRole("option", { name: "Never flag a phrase" }).click();
    await page.getByLabel("Phrase", { exact: true }).fill("assassins chess club");
    await page.getByRole("button", { name: "Save the change" }).click();
    await page.getByText("say why, in a few words").waitFor();
    await expect(page.getByLabel("Phrase", { exact: true }).inputValue()).resolves.toBe(
      "assassins chess club",
    );
    await page.getByLabel("Why", { exact: true }).fill("the school's chess club");
    await page.getByRole("button", { name: "Save the change" }).click();
    await page.getByRole("cell", { name: 'Never flag "assassins chess club"' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await photograph(page, "settings-local-changes");
  });

  it("says the connection is lost without losing what was typed", async () => {
    await page.route("**/api/v1/schools/*/search*", (route) => route.abort("internetdisconnected"));
    const search = page.getByRole("textbox", { name: "Search pupils, devices, alerts and addresses" });
    await search.fill("LAPTOP-0");
    await search.press("Enter");
    await page.getByText("Connection lost").waitFor({ timeout: 15_000 });
    await expect(search.inputValue()).resolves.toBe("LAPTOP-0");
    await page.unroute("**/api/v1/schools/*/search*");
  });

  it("explains a server failure with its request id, then signs out", async () => {
    await page.route("**/api/v1/schools/*/dashboard", (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify({
          error: {
            id: "internal_error",
            message: "Something went wrong on the server.",
            requestId: "req-42",
          },
        }),
      }),
    );
    await page.goto(`${world.baseUrl}/s/${world.schoolId}/dashboard`);
    await page.getByText("The server had a problem").waitFor({ timeout: 15_000 });
    await expect(page.getByText("(Request id req-42.)").count()).resolves.toBe(1);
    await page.unroute("**/api/v1/schools/*/dashboard");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByText("You have signed out.").waitFor();
    await page.goto(`${world.baseUrl}/s/${world.schoolId}/activity`);
    await page.getByLabel("Email address").waitFor();
  });
});
