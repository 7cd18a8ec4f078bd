/**
 * Single sign-on in Debian's Chromium against a real OpenID provider on loopback: the person goes
 * to the provider, logs in, consents, and comes back to the console signed in; a person with no
 * Vigil account comes back to the sign-in page with the reason in the address.
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
import { chromiumPath, launchBrowser } from "../support/browser.js";

describe.skipIf(!existsSync(chromiumPath))("single sign-on in Chromium", () => {
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
   * Starts the sign-in the way the console offers it. The console's sign-in page has no
   * "Sign in with" button yet, so the test opens the address that button would open.
   */
  async function startSignIn(page: Page): Promise<void> {
    await page.goto(`${world.baseUrl}/sign-in`);
    const button = page.getByRole("button", { name: "Sign in with Oak login" });
    if ((await button.count()) > 0) await button.click();
    else await page.goto(`${world.baseUrl}/api/v1/auth/sso/${world.providerId}/start`);
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
    await startSignIn(page);
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
    await startSignIn(page);
    await logInAtProvider(page, "sam.stranger");
    await page.waitForURL(`${world.baseUrl}/sign-in?error=sso-no-account`);
    expect((await context.cookies(world.baseUrl)).map((cookie) => cookie.name)).not.toContain(
      "vigil_session",
    );
    await context.close();
  });
});
