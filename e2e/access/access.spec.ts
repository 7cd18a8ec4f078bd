/**
 * Access beyond a role and the termly access review in a real browser: a teacher asks to see
 * browsing records (a missing reason is named next to its field), the SIRO approves it with a
 * reason, and the head opens the access review, sees the accounts that need a look in plain words,
 * and signs it off. No WCAG 2.1 AA violations on either page; both are photographed for the README.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { buildSchool } from "../../src/test-support/builders.js";
import { accessibilityViolations, actionTimeoutMs, chromiumPath, launchBrowser } from "../support/browser.js";

const ready = existsSync(chromiumPath) && existsSync(join(consoleRoot, "index.html"));
const screenshots = join(import.meta.dirname, "..", "..", "docs", "screenshots");
const dayMs = 24 * 60 * 60 * 1000;

describe.skipIf(!ready)("access requests and the access review in Chromium", { timeout: 90_000 }, () => {
  let database: VigilDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let schoolId: string;
  let browser: Browser;
  let teacherEmail: string;
  let siro: { email: string; secret: string };
  let head: { email: string; secret: string };

  /** Signs in through the sign-in page; `secret` answers the second factor when the role needs one. */
  const signIn = async (email: string, secret?: string): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A missing element fails the step that waited for it, well inside the test's own time.
    page.setDefaultTimeout(actionTimeoutMs);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(testPassword);
    await page.keyboard.press("Enter");
    if (secret) {
      await page.getByLabel("Code").fill(currentTotp(secret, Date.now() + 30_000));
      await page.keyboard.press("Enter");
    }
    await page.waitForURL(/\/s\//);
    return page;
  };

  const withSecondFactor = async (role: "siro" | "head") => {
    const { email } = await buildUser(database, { schoolId, role });
    return { email, secret: (await enrolSecondFactor(await signInAs(app, email))).secret };
  };

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "vigil-access-e2e-"));
    database = await openDatabase(join(dataDir, "vigil.db"));
    await migrateToLatest(database.db);
    await markSetupComplete(database.db);
    const config = {
      ...loadConfig({}),
      dataDir,
      evidenceKeyFile: join(dataDir, "evidence.key"),
      logLevel: "silent" as const,
    };
    app = await createServer({ config, database });
    baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    ({ schoolId } = await buildSchool(database, { name: "Oak Primary" }));
    teacherEmail = (await buildUser(database, { schoolId, role: "teacher" })).email;
    siro = await withSecondFactor("siro");
    head = await withSecondFactor("head");
    // A governor who has never signed in, and a safeguarding lead last seen long ago without two-factor.
    await buildUser(database, { schoolId, role: "governor" });
    const lead = await buildUser(database, { schoolId, role: "designated-safeguarding-lead" });
    await database.db
      .updateTable("users")
      .set({ last_sign_in_at: new Date(Date.now() - 200 * dayMs).toISOString() })
      .where("id", "=", lead.userId)
      .execute();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await (browser as Browser | undefined)?.close();
    await (app as FastifyInstance | undefined)?.close();
    await (database as VigilDatabase | undefined)?.close();
  });

  it("lets a teacher ask for access to browsing records, naming a missing reason", async () => {
    const page = await signIn(teacherEmail);
    await page.getByRole("link", { name: "Access requests" }).click();
    await page.getByRole("form", { name: "Ask for access" }).waitFor();
    expect(await page.getByRole("link", { name: "Access review" }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "What do you need to do?" }).click();
    await page.getByRole("option", { name: "See pupils' browsing records" }).click();
    await page.getByRole("textbox", { name: "About whom (optional)" }).fill("Year 6 class");
    await page.getByRole("button", { name: "Ask for access" }).click();
    await page.getByText("The reason must say why, in at least 10 characters").waitFor();
    await page
      .getByRole("textbox", { name: "Why do you need it?" })
      .fill("Preparing an online safety lesson on what Year 6 search for");
    const until = new Date(Date.now() + 30 * dayMs).toISOString().slice(0, 10);
    await page.getByLabel("Until").fill(until);
    await page.getByRole("button", { name: "Ask for access" }).click();
    await page.getByRole("status").getByText("waiting for the senior information risk owner").waitFor();
    const row = page.getByRole("row", { name: /See pupils' browsing records/ });
    await row.getByRole("cell", { name: "Waiting for a decision" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("lets the SIRO approve it with a reason", async () => {
    const page = await signIn(siro.email, siro.secret);
    await page.goto(`${baseUrl}/s/${schoolId}/access/requests`);
    const request = page.getByRole("region", { name: "Request from Test teacher" });
    await request.waitFor();
    await request.getByRole("button", { name: "Approve" }).click();
    await request.getByText("The reason for the decision must say why").waitFor();
    await request
      .getByRole("textbox", { name: /Reason for your decision/ })
      .fill("A lesson plan needs it; one class, for this half term");
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: join(screenshots, "access-requests.png"), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await request.getByRole("button", { name: "Approve" }).click();
    await page.getByText("No requests are waiting.").waitFor();
    const decided = await database.db
      .selectFrom("access_requests")
      .select(["status", "action", "decision_reason"])
      .execute();
    expect(decided).toEqual([
      {
        status: "approved",
        action: "browsing.read",
        decision_reason: "A lesson plan needs it; one class, for this half term",
      },
    ]);
    await page.close();
  });

  it("lets the head see the flags in plain words and sign the review off", async () => {
    const page = await signIn(head.email, head.secret);
    await page.getByRole("link", { name: "Access review" }).click();
    const table = page.getByRole("table", { name: "People with access" });
    await table.waitFor();
    await page
      .getByText(/5 people with access, 3 people flagged; never signed off; a review is due\./)
      .waitFor();
    const teacher = table.getByRole("row", { name: /Test teacher/ });
    await teacher.getByText("has access beyond their role").waitFor();
    await teacher.getByText("can see pupil data without two-factor").waitFor();
    await teacher.getByText(/See pupils' browsing records until/).waitFor();
    await table
      .getByRole("row", { name: /Test governor/ })
      .getByText("never signed in")
      .waitFor();
    await table
      .getByRole("row", { name: /Test designated-safeguarding-lead/ })
      .getByText("not signed in this term")
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "access-review.png"), fullPage: true });
    await page.getByRole("textbox", { name: "Note (optional)" }).fill("Governor account to be closed");
    await page.getByRole("button", { name: "Sign off this review" }).click();
    await page.getByRole("status").getByText("signed off for this term").waitFor();
    await page.getByText(/last signed off .* by Test head; not due yet\./).waitFor();
    await page.getByRole("cell", { name: "Governor account to be closed" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const signOffs = await database.db.selectFrom("access_reviews").select("note").execute();
    expect(signOffs).toEqual([{ note: "Governor account to be closed" }]);
    await page.close();
  });
});
