import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import type { Role } from "../identity/roles.js";
import {
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../identity/test-support/identity-builders.js";
import { startTestServer } from "../identity/test-support/test-server.js";
import { buildIncident, tinyPng } from "../incidents/test-support/incident-builders.js";
import { buildSchool } from "../test-support/builders.js";
import { isMonitoringHeld } from "./monitoring-holds.js";

interface ErrorBody {
  error: { id: string; message: string; fields?: { path: string }[] };
}

forEachDialect("incident evidence over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let dataDir: string;
  const sessions = new Map<string, TestSession>();
  const as = async (role: Role, name: string = role): Promise<TestSession> => {
    const known = sessions.get(name);
    if (known) return known;
    const session = await signInAs(app, (await buildUser(database(), { schoolId, role })).email);
    await enrolSecondFactor(session);
    sessions.set(name, session);
    return session;
  };
  const evidenceUrl = (incidentId: string) => `/api/v1/schools/${schoolId}/incidents/${incidentId}/evidence`;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "vigil-evidence-"));
    app = await startTestServer(database(), { dataDir, evidenceKeyFile: join(dataDir, "evidence.key") });
    ({ schoolId } = await buildSchool(database()));
  });
  afterAll(() => app.close());

  it("refuses a 'PNG' that is not a PNG, and a view without a reason", async () => {
    const dsl = await as("designated-safeguarding-lead");
    const incidentId = await buildIncident(database(), schoolId);
    const fake = await dsl.request({
      method: "POST",
      url: evidenceUrl(incidentId),
      payload: {
        kind: "screenshot",
        mediaType: "image/png",
        contentBase64: Buffer.from("GIF89a not really").toString("base64"),
      },
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json<ErrorBody>().error.message).toContain("not a image/png file");
    const text = await dsl.request({
      method: "POST",
      url: evidenceUrl(incidentId),
      payload: { kind: "text", text: "hello" },
    });
    const { id } = text.json<{ id: string }>();
    const noReason = await dsl.request({
      method: "POST",
      url: `${evidenceUrl(incidentId)}/${id}/view`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().error.fields?.map((f) => f.path)).toEqual(["reason"]);
    const teacher = await as("teacher");
    expect(
      (
        await teacher.request({
          method: "POST",
          url: `${evidenceUrl(incidentId)}/${id}/view`,
          payload: { reason: "curious" },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("stores evidence encrypted (no plaintext on disk), serves it with its hash, and records who looked and why", async () => {
    const dsl = await as("designated-safeguarding-lead");
    const incidentId = await buildIncident(database(), schoolId);
    const secret = "meet me behind the sports hall at nine";
    const added = await dsl.request({
      method: "POST",
      url: evidenceUrl(incidentId),
      payload: { kind: "text", text: secret },
    });
    expect(added.statusCode).toBe(201);
    const { id, sha256 } = added.json<{ id: string; sha256: string }>();
    const row = await database()
      .db.selectFrom("evidence")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const raw = readFileSync(join(dataDir, row.storage_path));
    expect(raw.includes(Buffer.from(secret))).toBe(false);
    expect(raw.includes(Buffer.from("sports hall"))).toBe(false);
    expect(raw.subarray(0, 4).toString()).toBe("VGE1");
    const png = await dsl.request({
      method: "POST",
      url: evidenceUrl(incidentId),
      payload: {
        kind: "screenshot",
        mediaType: "image/png",
        contentBase64: tinyPng.toString("base64"),
        graphic: true,
      },
    });
    expect(png.statusCode).toBe(201);

    const shown = await dsl.request({
      method: "POST",
      url: `${evidenceUrl(incidentId)}/${id}/view`,
      payload: { reason: "preparing the referral" },
    });
    expect(shown.statusCode).toBe(200);
    const body = shown.json<{ contentBase64: string; sha256: string }>();
    expect(Buffer.from(body.contentBase64, "base64").toString()).toBe(secret);
    expect(body.sha256).toBe(sha256);
    const views = await database()
      .db.selectFrom("evidence_views")
      .selectAll()
      .where("evidence_id", "=", id)
      .execute();
    expect(views).toEqual([expect.objectContaining({ reason: "preparing the referral" })]);
    const pngShown = await dsl.request({
      method: "POST",
      url: `${evidenceUrl(incidentId)}/${png.json<{ id: string }>().id}/view`,
      payload: { reason: "check the screenshot" },
    });
    expect(pngShown.json<{ graphic: boolean }>().graphic).toBe(true);
  });

  it("locks suspected CSAM: never served, not even to the head; referrals recorded and monitoring held", async () => {
    const dsl = await as("designated-safeguarding-lead");
    const incidentId = await buildIncident(database(), schoolId, { device: "LAPTOP-CSAM-1" });
    const added = await dsl.request({
      method: "POST",
      url: evidenceUrl(incidentId),
      payload: { kind: "screenshot", mediaType: "image/png", contentBase64: tinyPng.toString("base64") },
    });
    const { id } = added.json<{ id: string }>();
    const marked = await dsl.request({
      method: "POST",
      url: `${evidenceUrl(incidentId)}/${id}/csam`,
      payload: { note: "Reported by the class teacher; not opened again", policeReference: "MET-123" },
    });
    expect(marked.statusCode).toBe(200);
    for (const session of [dsl, await as("head")]) {
      const refused = await session.request({
        method: "POST",
        url: `${evidenceUrl(incidentId)}/${id}/view`,
        payload: { reason: "need to see" },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json<ErrorBody>().error.id).toBe("evidence_locked");
      expect(refused.body).not.toContain(tinyPng.toString("base64"));
    }
    const exported = await dsl.request({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/incidents/${incidentId}/export`,
      payload: { reason: "for the police" },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.includes(tinyPng)).toBe(false);
    expect(exported.rawPayload.toString("latin1")).toContain("never exported by Vigil");
    const actions = await database()
      .db.selectFrom("incident_actions")
      .selectAll()
      .where("incident_id", "=", incidentId)
      .execute();
    expect(actions.map((action) => [action.agency, action.reference])).toEqual(
      expect.arrayContaining([
        ["police", "MET-123"],
        ["iwf", null],
      ]),
    );
    expect(await isMonitoringHeld(database().db, schoolId, { device: "LAPTOP-CSAM-1" })).toBe(true);
    expect(await isMonitoringHeld(database().db, schoolId, { device: "OTHER" })).toBe(false);
    expect(readdirSync(dataDir).filter((name) => name.startsWith(".export-"))).toEqual([]);
  });

  it("asks for a second person's approval of sensitive evidence when the school turns review on", async () => {
    const dsl = await as("designated-safeguarding-lead");
    const deputy = await as("deputy-safeguarding-lead");
    await dsl.request({
      method: "PUT",
      url: `/api/v1/schools/${schoolId}/incident-settings`,
      payload: { twoPersonReview: true },
    });
    const incidentId = await buildIncident(database(), schoolId);
    const added = await dsl.request({
      method: "POST",
      url: evidenceUrl(incidentId),
      payload: {
        kind: "file",
        mediaType: "text/plain",
        contentBase64: Buffer.from("chat log").toString("base64"),
        sensitive: true,
      },
    });
    const { id } = added.json<{ id: string }>();
    const view = () =>
      dsl.request({
        method: "POST",
        url: `${evidenceUrl(incidentId)}/${id}/view`,
        payload: { reason: "review" },
      });
    expect((await view()).json<ErrorBody>().error.id).toBe("evidence_review_required");
    await dsl.request({
      method: "POST",
      url: `${evidenceUrl(incidentId)}/${id}/approve`,
      payload: { reason: "self approval" },
    });
    expect((await view()).statusCode).toBe(403);
    await deputy.request({
      method: "POST",
      url: `${evidenceUrl(incidentId)}/${id}/approve`,
      payload: { reason: "agreed: needed for the referral" },
    });
    expect((await view()).statusCode).toBe(200);
  });
});
