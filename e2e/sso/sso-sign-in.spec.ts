/**
 * Single sign-on in Debian's Chromium against a real OpenID provider on loopback: the person goes
 * to the provider, logs in, consents, and comes back to the console signed in; a person with no
 * Vigil account comes back to the sign-in page, which says why. The person starts from the
 * "Sign in with ..." button the sign-in page offers for their address.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../src/db/migrate.js";
import { openDatabase, type VigilDatabase } from "../../src/db/open-database.js";
import { buildUser } from "../../src/identity/test-support/identity-builders.js";
import { buildSsoWorld, type SsoWorld } from "../../src/identity/sso/test-support/sso-world.js";
import { consoleRoot } from "../../src/platform/http/console.routes.js";
import { ssoRefusals } from "../../src/contracts/sso.contract.js";
import { accessibilityViolations, chromiumPath, launchBrowser } from "../support/browser.js";

// The sign-in page (with its "Sign in with" button) is the built console.
const ready = existsSync(chromiumPath) && existsSync(join(consoleRoot, "index.html"));

describe.skipIf(!ready)("single sign-on in Chromium", () => {
  let database: VigilDatabase;
  let world: SsoWorld;
  let browser: Browser;

  beforeAll(async () => {
    database = await openDatabase(join(mkdtempSync(join(tmpdir(), "vigil-sso-e2e-")), "vigil.db"));
    await migrateToLatest(database.db);
    world = await buildSsoWorld(database, {
      "ann.teacher": { email: "ann@oak.example", emailVerified: true },
      "sam.stranger": { email: "sam@oak.example", emailVerified: true },
    });
    await buildUser(database, { schoolId: world.schoolId, role: "teacher", email: "ann@oak.example" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await world.close();
    await database.close();
  });

  /**
   * Starts the sign-in the way the console offers it: once the address is typed, the sign-in page
   * asks which providers serve it and offers a button for each, which leaves for the provider.
   */
  async function startSignIn(page: Page, email: string): Promise<void> {
    await page.goto(`${world.baseUrl}/sign-in`);
    await page.getByLabel("Email address").fill(email);
    // The test school has three providers with the same label; this one asks Vigil's own second factor.
    const button = page
      .getByRole("button", { name: "Sign in with Oak login" })
      .and(page.locator(`[data-provider-id="${world.providerId}"]`));
    await button.waitFor({ timeout: 10_000 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await button.click();
  }

  async function logInAtProvider(page: Page, login: string): Promise<void> {
    await page.waitForURL((url) => url.href.startsWith(world.idp.issuer));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
  }

  it("signs a teacher in through the provider and opens the console", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await startSignIn(page, "ann@oak.example");
    await logInAtProvider(page, "ann.teacher");
    await page.waitForURL((url) => url.href.startsWith(world.baseUrl));
    expect(new URL(page.url()).pathname).not.toContain("/api/");
    const session = (await context.cookies(world.baseUrl)).find((cookie) => cookie.name === "vigil_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const me = await page.evaluate(async () => {
      const response = await fetch("/api/v1/me");
      return { status: response.status, body: (await response.json()) as { user?: { email: string } } };
    });
    expect(me.status).toBe(200);
    expect(me.body.user?.email).toBe("ann@oak.example");
    await context.close();
  });

  it("brings a person with no Vigil account back to the sign-in page with the reason", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await startSignIn(page, "sam@oak.example");
    await logInAtProvider(page, "sam.stranger");
    await page.waitForURL(`${world.baseUrl}/sign-in?error=sso-no-account`);
    const refusal = page.getByRole("alert").filter({ hasText: ssoRefusals["sso-no-account"] });
    await refusal.waitFor({ timeout: 10_000 });
    expect(await accessibilityViolations(page)).toEqual([]);
    expect((await context.cookies(world.baseUrl)).map((cookie) => cookie.name)).not.toContain(
      "vigil_session",
    );
    await context.close();
  });
});
