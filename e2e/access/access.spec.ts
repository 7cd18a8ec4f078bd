/**
 * Access beyond a role and the termly access review in a real browser: a teacher asks to see
 * browsing records (a missing reason is named next to its field), the SIRO approves it with a
 * reason, and the head opens the access review, sees the accounts that need a look in plain words,
 * and signs it off. No WCAG 2.1 AA violations on either page; both are photographed for the README.
 */
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VigilDatabase } from "../../src/db/open-database.js";
import { buildUser, enrolSecondFactor, signInAs } from "../../src/identity/test-support/identity-builders.js";
import { buildSchool } from "../../src/test-support/builders.js";
import {
  startConsoleApp,
  consoleTestsReady,
  screenshotsFolder,
  type ConsoleApp,
} from "../support/console-app.js";
import { accessibilityViolations } from "../support/browser.js";

const dayMs = 24 * 60 * 60 * 1000;

describe.skipIf(!consoleTestsReady)(
  "access requests and the access review in Chromium",
  { timeout: 90_000 },
  () => {
    let world: ConsoleApp;
    let database: VigilDatabase;
    let app: FastifyInstance;
    let baseUrl: string;
    let schoolId: string;
    let teacherEmail: string;
    let siro: { email: string; secret: string };
    let head: { email: string; secret: string };

    /** Signs in through the sign-in page; `secret` answers the second factor when the role needs one. */
    const withSecondFactor = async (role: "siro" | "head") => {
      const { email } = await buildUser(database, { schoolId, role });
      return { email, secret: (await enrolSecondFactor(await signInAs(app, email))).secret };
    };

    beforeAll(async () => {
      world = await startConsoleApp();
      ({ database, app, baseUrl } = world);
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
    }, 120_000);
    afterAll(async () => {
      await (world as ConsoleApp | undefined)?.close();
    });

    it("lets a teacher ask for access to browsing records, naming a missing reason", async () => {
      const page = await world.signedInPage(teacherEmail);
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
      const page = await world.signedInPage(siro.email, siro.secret);
      await page.goto(`${baseUrl}/s/${schoolId}/access/requests`);
      const request = page.getByRole("region", { name: "Request from Test teacher" });
      await request.waitFor();
      await request.getByRole("button", { name: "Approve" }).click();
      await request.getByText("The reason for the decision must say why").waitFor();
      await request
        .getByRole("textbox", { name: /Reason for your decision/ })
        .fill("A lesson plan needs it; one class, for this half term");
      await page.evaluate("window.scrollTo(0, 0)");
      await page.screenshot({ path: join(screenshotsFolder, "access-requests.png"), fullPage: true });
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
      const page = await world.signedInPage(head.email, head.secret);
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
      await page.screenshot({ path: join(screenshotsFolder, "access-review.png"), fullPage: true });
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
  },
);
