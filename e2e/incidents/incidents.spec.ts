/**
 * The incident log in a real browser: a safeguarding lead reports a concern (a missing field is
 * named next to it), finds it in the log by filter, adds to its chronology, previews the parents'
 * letter, and views evidence with a reason: a graphic screenshot stays blurred until revealed. The
 * head then closes the incident. Evidence marked as suspected CSAM holds monitoring; the lead
 * releases the hold with a reason. No WCAG 2.1 AA violations on any page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VigilDatabase } from "../../src/db/open-database.js";
import { addEvidence } from "../../src/evidence/add-evidence.js";
import { markSuspectedCsam } from "../../src/evidence/mark-csam.js";
import { buildUser, enrolSecondFactor, signInAs } from "../../src/identity/test-support/identity-builders.js";
import {
  buildIncident,
  testEvidenceStore,
  tinyPng,
} from "../../src/incidents/test-support/incident-builders.js";
import { inTransaction } from "../../src/platform/context/write-context.js";
import { scopeOf } from "../../src/schools/school-scope.js";
import { buildSchool, testActor } from "../../src/test-support/builders.js";
import {
  startConsoleApp,
  consoleTestsReady,
  screenshotsFolder,
  type ConsoleApp,
} from "../support/console-app.js";
import { accessibilityViolations } from "../support/browser.js";

describe.skipIf(!consoleTestsReady)("the incident log in Chromium", () => {
  let world: ConsoleApp;
  let database: VigilDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let schoolId: string;
  let dataDir: string;
  let page: Page;
  let headEmail: string;
  let headSecret: string;

  beforeAll(async () => {
    world = await startConsoleApp();
    ({ database, app, baseUrl, dataDir } = world);
    ({ schoolId } = await buildSchool(database, { name: "Oak Primary" }));
    const { email } = await buildUser(database, { schoolId, role: "designated-safeguarding-lead" });
    const { secret } = await enrolSecondFactor(await signInAs(app, email));
    const head = await buildUser(database, { schoolId, role: "head" });
    headEmail = head.email;
    headSecret = (await enrolSecondFactor(await signInAs(app, head.email))).secret;
    page = await world.signedInPage(email, secret);
  }, 120_000);
  afterAll(async () => {
    await (world as ConsoleApp | undefined)?.close();
  });

  it("reports a concern, naming a missing field next to it", async () => {
    await page.goto(`${baseUrl}/s/${schoolId}/concerns/new`);
    await page.getByRole("form", { name: "Report a concern" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "Who is it about?" }).fill("Jamie Cole");
    await page.getByRole("button", { name: "Report concern" }).click();
    await page.getByText("what is required").waitFor();
    await page
      .getByRole("textbox", { name: "What happened?" })
      .fill("Shared a violent video in the class chat");
    await page.getByLabel("When?").fill("2026-11-20T09:30");
    await page.getByRole("button", { name: "Report concern" }).click();
    await page.getByText("the safeguarding lead has your concern").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("finds it in the log by person, adds to the chronology and previews the parents' letter", async () => {
    await page.goto(`${baseUrl}/s/${schoolId}/incidents`);
    await page.getByRole("table", { name: "Incidents, newest first" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsFolder, "incident-log.png") });
    await page.getByRole("textbox", { name: "Pupil or person" }).fill("jamie cole");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByRole("link", { name: "Shared a violent video in the class chat" }).click();
    await page.getByRole("list", { name: "Chronology, oldest first" }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "New entry" }).fill("Spoke to Jamie with the class teacher");
    await page.getByRole("button", { name: "Add entry" }).click();
    await page.getByText("Spoke to Jamie with the class teacher").waitFor();
    await page.getByRole("textbox", { name: "What" }).fill("Police to advise on the video");
    await page.getByRole("button", { name: "Record action" }).click();
    await page.getByText("On: is required").or(page.getByText("happenedOn must be a date")).first().waitFor();
    await page.getByLabel("On", { exact: true }).fill("2026-11-21");
    await page.getByRole("textbox", { name: "Their reference" }).fill("PC-2231");
    await page.getByLabel("Follow up by").fill("2026-11-28");
    await page.getByRole("button", { name: "Record action" }).click();
    await page.getByRole("cell", { name: /Police to advise on the video/ }).waitFor();
    await page.getByText(/Referred to police on 2026-11-21 \(reference PC-2231\)/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("textbox", { name: "Parent or carer" }).fill("Ms Cole");
    await page.getByRole("textbox", { name: "Pupil", exact: true }).fill("Jamie");
    await page.getByRole("button", { name: "Preview letter" }).click();
    await page.getByText("Dear Ms Cole,").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Sent: the PDF downloads and its sending goes on the chronology with its fingerprint.
    await page.getByLabel("Sent on").fill("2026-11-22");
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download PDF and record it as sent" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^letter-.+\.pdf$/);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page
      .getByText(/Letter to Ms Cole sent on 2026-11-22 \(PDF SHA-256 [0-9a-f]{64}\)/)
      .first()
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsFolder, "incident.png"), fullPage: true });
  });

  it("shows evidence only with a reason, and keeps a graphic image blurred until revealed; the head closes", async () => {
    const incident = await database.db
      .selectFrom("incidents")
      .selectAll()
      .where("school_id", "=", schoolId)
      .executeTakeFirstOrThrow();
    const store = await testEvidenceStore(database, dataDir);
    await inTransaction(database, { actor: testActor, ip: null }, (ctx) =>
      addEvidence(ctx, store, incident, {
        kind: "screenshot",
        mediaType: "image/png",
        contentBase64: tinyPng.toString("base64"),
        label: "Screenshot of the chat",
        graphic: true,
        sensitive: false,
      }),
    );
    await page.goto(`${baseUrl}/s/${schoolId}/incidents/${incident.id}`);
    await page
      .getByRole("textbox", { name: "Reason for viewing Screenshot of the chat" })
      .fill("checking before referral");
    await page.getByRole("button", { name: "View", exact: true }).click();
    const image = page.getByRole("img", { name: "Evidence: Screenshot of the chat" });
    await image.waitFor();
    expect(await image.getAttribute("style")).toContain("blur(24px)");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Reveal image" }).click();
    expect(await image.getAttribute("style")).not.toContain("blur");
    const views = await database.db.selectFrom("evidence_views").select("reason").execute();
    expect(views.map((view) => view.reason)).toEqual(["checking before referral"]);

    const headPage = await world.signedInPage(headEmail, headSecret);
    await headPage.goto(`${baseUrl}/s/${schoolId}/incidents/${incident.id}`);
    await headPage.getByRole("textbox", { name: "Outcome" }).fill("Resolved with parents; no further action");
    await headPage.getByRole("button", { name: "Close incident" }).click();
    await headPage.getByText("Closed: Resolved with parents; no further action").waitFor();
    expect(await accessibilityViolations(headPage)).toEqual([]);
    await headPage.close();
  });

  it("releases the monitoring hold that suspected CSAM placed, with a reason", async () => {
    const incidentId = await buildIncident(database, schoolId, {
      summary: "Image found on a library laptop",
      device: "LIB-LAPTOP-3",
    });
    const store = await testEvidenceStore(database, dataDir);
    await inTransaction(database, { actor: testActor, ip: null }, async (ctx) => {
      const evidence = await addEvidence(
        ctx,
        store,
        { id: incidentId, school_id: schoolId },
        {
          kind: "screenshot",
          mediaType: "image/png",
          contentBase64: tinyPng.toString("base64"),
          label: "Image from the laptop",
          graphic: true,
          sensitive: false,
        },
      );
      await markSuspectedCsam(
        ctx,
        scopeOf([schoolId]),
        { kind: "operator" },
        { incidentId, evidenceId: evidence.id },
        { note: "Reported by the librarian; not opened again", policeReference: "MET-991" },
      );
    });
    await page.goto(`${baseUrl}/s/${schoolId}/incidents/${incidentId}`);
    const holds = page.getByRole("table", { name: "Monitoring holds" });
    await holds.getByText("In force").waitFor();
    await holds.getByText("device LIB-LAPTOP-3 and user spupil").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await holds.getByRole("button", { name: /^Release hold/ }).click();
    const dialog = page.getByRole("dialog", { name: "Release the monitoring hold" });
    await dialog.getByRole("button", { name: "Release hold" }).click();
    await dialog.getByText("reason is required").waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog
      .getByRole("textbox", { name: "Why the hold can end" })
      .fill("Police closed case MET-991; laptop returned");
    await dialog.getByRole("button", { name: "Release hold" }).click();
    await dialog.waitFor({ state: "hidden" });
    await holds.getByText("Released", { exact: true }).waitFor();
    await holds.getByText(/Police closed case MET-991; laptop returned/).waitFor();
    await page
      .getByRole("status")
      .getByText(/Hold on device LIB-LAPTOP-3 and user spupil released/)
      .waitFor();
    await page
      .getByText(
        "Monitoring hold on device LIB-LAPTOP-3 and user spupil released: Police closed case MET-991; laptop returned",
      )
      .waitFor();
    expect(await holds.getByRole("button", { name: /^Release hold/ }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    const hold = await database.db
      .selectFrom("monitoring_holds")
      .selectAll()
      .where("incident_id", "=", incidentId)
      .executeTakeFirstOrThrow();
    expect(hold.released_at).not.toBeNull();
    expect(hold.release_reason).toBe("Police closed case MET-991; laptop returned");
  });
});
