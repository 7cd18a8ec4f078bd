/**
 * Staff accounts and my own account in a real browser: an administrator adds a teacher (a short
 * password is refused next to its field), grants a role, sets when the account ends, disables
 * it, is told in words that the only administrator cannot lose the role; then on "My account"
 * ends another of their own sessions, which stops answering. No WCAG 2.1 AA violations.
 */
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VigilDatabase } from "../../src/db/open-database.js";
import { buildUser, signInAs } from "../../src/identity/test-support/identity-builders.js";
import { buildSchool } from "../../src/test-support/builders.js";
import {
  startConsoleApp,
  consoleTestsReady,
  screenshotsFolder,
  type ConsoleApp,
} from "../support/console-app.js";
import { accessibilityViolations } from "../support/browser.js";

/** The text of the element(s) that describe `field` (its error and description), as assistive tech reads them. */
async function descriptionOf(page: Page, label: string): Promise<string> {
  const ids = ((await page.getByLabel(label).getAttribute("aria-describedby")) ?? "").split(/\s+/);
  const texts = await Promise.all(
    ids.filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(" ");
}

describe.skipIf(!consoleTestsReady)("staff accounts and my account in Chromium", () => {
  let world: ConsoleApp;
  let database: VigilDatabase;
  let app: FastifyInstance;
  let schoolId: string;
  let adminEmail: string;
  let page: Page;

  beforeAll(async () => {
    world = await startConsoleApp();
    ({ database, app } = world);
    ({ schoolId } = await buildSchool(database, { name: "Oak Primary" }));
    ({ email: adminEmail } = await buildUser(database, {
      schoolId,
      role: "administrator",
      email: "sam.admin@oak.example",
    }));
    page = await world.signedInPage(adminEmail);
  }, 120_000);
  afterAll(async () => {
    await (world as ConsoleApp | undefined)?.close();
  });

  it("adds a teacher, refusing a short password next to its field", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" }).click();
    await page.getByRole("table", { name: "Staff accounts" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "Name" }).fill("Jo Teacher");
    await page.getByRole("textbox", { name: "Email address" }).fill("jo.teacher@oak.example");
    await page.getByLabel("First password").fill("short");
    await page.getByRole("button", { name: "Add person" }).click();
    await page.getByText("The password must be at least 12 characters").waitFor();
    expect(await descriptionOf(page, "First password")).toContain(
      "The password must be at least 12 characters",
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel("First password").fill("lantern orbit pebble misty");
    await page.getByRole("button", { name: "Add person" }).click();
    const row = page.getByRole("row", { name: /jo\.teacher@oak\.example/ });
    await row.waitFor();
    await expect(row.getByRole("cell", { name: "Teacher", exact: true }).isVisible()).resolves.toBe(true);
    expect(await descriptionOf(page, "First password")).not.toContain("The password must");
  });

  it("grants a role, sets when the account ends and disables it after a confirmation", async () => {
    await page.getByRole("button", { name: "Manage Jo Teacher" }).click();
    const dialog = page.getByRole("dialog", { name: "Manage Jo Teacher" });
    await dialog.waitFor();
    await dialog.getByRole("textbox", { name: "Role to grant" }).click();
    await page.getByRole("option", { name: "Governor" }).click();
    await dialog.getByRole("button", { name: "Grant role" }).click();
    await dialog.getByText("Governor granted.").waitFor();
    const row = page.getByRole("row", { name: /jo\.teacher@oak\.example/ });
    await row.getByRole("cell", { name: "Governor, Teacher" }).waitFor();

    await dialog.getByLabel("Account ends at (guest or supply staff)").fill("2030-07-19T16:00");
    await dialog.getByRole("button", { name: "Set end" }).click();
    await dialog.getByText(/The account ends on 19 Jul 2030/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await dialog.getByRole("button", { name: "Disable account" }).click();
    await dialog.getByText("Disable this account?").waitFor();
    await dialog.getByRole("button", { name: "Yes, disable" }).click();
    await dialog.getByText("This account is disabled.").waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await row.getByText("Disabled", { exact: true }).waitFor();
    await expect(row.getByText(/Ends 19 Jul 2030/).isVisible()).resolves.toBe(true);

    // The server agrees: the account is disabled, holds both roles and ends when set.
    const stored = await database.db
      .selectFrom("users")
      .select(["disabled_at", "expires_at"])
      .where("email", "=", "jo.teacher@oak.example")
      .executeTakeFirstOrThrow();
    expect(stored.disabled_at).not.toBeNull();
    expect(stored.expires_at).not.toBeNull();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsFolder, "staff.png"), fullPage: true });
  });

  it("says in words why the only administrator cannot lose the role", async () => {
    const row = page.getByRole("row", { name: /sam\.admin@oak\.example/ });
    await row.getByRole("button", { name: /^Manage / }).click();
    const dialog = page.getByRole("dialog", { name: /^Manage / });
    await dialog.getByRole("button", { name: "Remove Administrator (staff accounts and settings)" }).click();
    const refusal = dialog.getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("only active administrator");
    expect(await refusal.textContent()).toContain("Make someone else an administrator");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
  });

  it("shows my account and ends another of my sessions", async () => {
    const other = await signInAs(app, adminEmail);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My account" }).click();
    const sessions = page.getByRole("table", { name: "My open sessions" });
    await sessions.waitFor();
    await page.getByText(adminEmail).waitFor();
    await expect(
      page.getByRole("cell", { name: "Administrator (staff accounts and settings)" }).isVisible(),
    ).resolves.toBe(true);
    await expect(sessions.getByRole("row").count()).resolves.toBe(3); // the header, this one, the other
    await expect(sessions.getByText("This session").isVisible()).resolves.toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsFolder, "my-account.png"), fullPage: true });

    await sessions.getByRole("button", { name: /^End the session/ }).click();
    await page
      .getByRole("status")
      .getByText(/has ended/)
      .waitFor();
    // The list reloads after the status shows: wait for the ended session's row to go.
    await sessions.getByRole("row").nth(2).waitFor({ state: "detached" });
    await expect(sessions.getByRole("row").count()).resolves.toBe(2);
    const refused = await other.request({ method: "GET", url: "/api/v1/me" });
    expect(refused.statusCode).toBe(401);
    // This browser's own session still answers.
    await page.reload();
    await page.getByRole("table", { name: "My open sessions" }).waitFor();

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.getByRole("button", { name: "Yes, sign out everywhere" }).click();
    await page.waitForURL(/\/sign-in/);
  });
});
