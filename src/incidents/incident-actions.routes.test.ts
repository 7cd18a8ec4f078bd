import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { list } from "tar";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { sha256Hex } from "../evidence/evidence-store.js";
import {
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../identity/test-support/identity-builders.js";
import { startTestServer } from "../identity/test-support/test-server.js";
import { buildSchool } from "../test-support/builders.js";
import { buildAlert, buildIncident } from "./test-support/incident-builders.js";
import { writeFileSync } from "node:fs";

interface ErrorBody {
  error: { id: string; message: string };
}

forEachDialect("incident actions, letters, alerts and the case bundle over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let base: string;
  let dsl: TestSession;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "vigil-actions-"));
    app = await startTestServer(database(), { dataDir, evidenceKeyFile: join(dataDir, "evidence.key") });
    ({ schoolId } = await buildSchool(database()));
    base = `/api/v1/schools/${schoolId}`;
    dsl = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" })).email,
    );
    await enrolSecondFactor(dsl);
  });
  afterAll(() => app.close());

  it("records tasks, a referral with a follow-up, a sanction and withdrawn access; lists what is overdue", async () => {
    const incidentId = await buildIncident(database(), schoolId);
    const url = `${base}/incidents/${incidentId}/actions`;
    const future = await dsl.request({
      method: "POST",
      url,
      payload: { kind: "sanction", description: "Detention", happenedOn: "2099-01-01" },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<ErrorBody>().error.message).toContain("in the future");
    const task = await dsl.request({
      method: "POST",
      url,
      payload: {
        kind: "task",
        description: "Check filtering on library PCs",
        owner: "Network manager",
        dueOn: "2026-11-01",
      },
    });
    expect(task.statusCode).toBe(201);
    await dsl.request({
      method: "POST",
      url,
      payload: {
        kind: "referral",
        agency: "lado",
        description: "Consulted LADO",
        happenedOn: "2026-11-03",
        reference: "LADO-77",
        followUpDueOn: "2026-11-10",
      },
    });
    await dsl.request({
      method: "POST",
      url,
      payload: {
        kind: "access-withdrawn",
        description: "Two weeks",
        userName: "spupil",
        untilOn: "2099-12-01",
      },
    });
    const due = (await dsl.request({ url: `${base}/incident-actions/due` })).json<{
      due: { kind: string; reference: string | null }[];
    }>().due;
    expect(due.map((row) => row.kind).sort()).toEqual(["referral", "task"]);
    await dsl.request({
      method: "POST",
      url: `${url}/${task.json<{ id: string }>().id}/complete`,
      payload: { note: "done" },
    });
    const after = (await dsl.request({ url: `${base}/incident-actions/due` })).json<{
      due: { kind: string }[];
    }>().due;
    expect(after.map((row) => row.kind)).toEqual(["referral"]);
    const shown = (await dsl.request({ url: `${base}/incidents/${incidentId}` })).json<{
      timeline: { kind: string; body: string }[];
    }>();
    expect(shown.timeline.map((entry) => entry.body)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          "Referred to lado on 2026-11-03 (reference LADO-77), follow up by 2026-11-10",
        ),
        expect.stringContaining("Internet access withdrawn for spupil until 2099-12-01"),
        expect.stringContaining("Done: Check filtering"),
      ]),
    );
  });

  it("produces the parents' letter from the school's template as a PDF and records the date sent", async () => {
    const incidentId = await buildIncident(database(), schoolId);
    const bad = await dsl.request({
      method: "PUT",
      url: `${base}/incident-settings`,
      payload: { letterTemplate: "Dear {{parentName}}, about {{pupilNmae}} on {{incidentDate}}." },
    });
    expect(bad.statusCode).toBe(200);
    const refused = await dsl.request({
      method: "POST",
      url: `${base}/incidents/${incidentId}/letter`,
      payload: { parentName: "Ms Pupil", pupilName: "Sam" },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().error.message).toContain("unknown placeholder {{pupilNmae}}");
    await dsl.request({
      method: "PUT",
      url: `${base}/incident-settings`,
      payload: {
        letterTemplate:
          "Dear {{parentName}}, this is about {{pupilName}} on {{incidentDate}}. {{senderName}}",
      },
    });
    const letter = await dsl.request({
      method: "POST",
      url: `${base}/incidents/${incidentId}/letter`,
      payload: { parentName: "Ms Pupil", pupilName: "Sam", sentOn: "2026-11-21" },
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers["content-type"]).toBe("application/pdf");
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const actions = await database()
      .db.selectFrom("incident_actions")
      .selectAll()
      .where("incident_id", "=", incidentId)
      .execute();
    expect(actions).toEqual([
      expect.objectContaining({ kind: "parents-informed", happened_on: "2026-11-21" }),
    ]);
    const timeline = await database()
      .db.selectFrom("incident_timeline")
      .select("body")
      .where("incident_id", "=", incidentId)
      .execute();
    expect(timeline.map((entry) => entry.body)).toEqual(
      expect.arrayContaining([
        `Letter to Ms Pupil sent on 2026-11-21 (PDF SHA-256 ${sha256Hex(letter.rawPayload)})`,
      ]),
    );
  });

  it("raises an incident from two alerts, carrying their evidence, and sets them to incident (not twice)", async () => {
    const first = await buildAlert(database(), schoolId, {
      evidence: "... the window around the words ...",
      userName: "jpupil",
    });
    const second = await buildAlert(database(), schoolId, { userName: "kpupil" });
    const raised = await dsl.request({
      method: "POST",
      url: `${base}/incidents/from-alerts`,
      payload: { alertIds: [first, second], type: "bullying-or-harassment", summary: "Threats in searches" },
    });
    expect(raised.statusCode).toBe(201);
    const { id } = raised.json<{ id: string }>();
    const alerts = await database()
      .db.selectFrom("alerts")
      .select(["id", "status"])
      .where("id", "in", [first, second])
      .execute();
    expect(alerts.map((alert) => alert.status)).toEqual(["incident", "incident"]);
    const shown = (await dsl.request({ url: `${base}/incidents/${id}` })).json<{
      alertIds: string[];
      evidence: { id: string; kind: string }[];
      people: { user_name: string }[];
    }>();
    expect(shown.alertIds.sort()).toEqual([first, second].sort());
    expect(shown.people.map((p) => p.user_name).sort()).toEqual(["jpupil", "kpupil"]);
    const carried = await Promise.all(
      shown.evidence.map(async (item) =>
        Buffer.from(
          (
            await dsl.request({
              method: "POST",
              url: `${base}/incidents/${id}/evidence/${item.id}/view`,
              payload: { reason: "triage" },
            })
          ).json<{ contentBase64: string }>().contentBase64,
          "base64",
        ).toString(),
      ),
    );
    expect(carried.join("\n")).toContain("the window around the words");
    expect(carried.join("\n")).toContain("https://search.example/?q=hurt");
    const twice = await dsl.request({
      method: "POST",
      url: `${base}/incidents/from-alerts`,
      payload: { alertIds: [first], type: "bullying-or-harassment", summary: "again" },
    });
    expect(twice.statusCode).toBe(409);
  });

  it("exports a hashed case bundle: record, PDF summary, evidence with hashes, audit excerpt and manifest", async () => {
    const incidentId = await buildIncident(database(), schoolId);
    await dsl.request({
      method: "POST",
      url: `${base}/incidents/${incidentId}/evidence`,
      payload: { kind: "url", url: "https://bet.example/slots" },
    });
    const noReason = await dsl.request({
      method: "POST",
      url: `${base}/incidents/${incidentId}/export`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const exported = await dsl.request({
      method: "POST",
      url: `${base}/incidents/${incidentId}/export`,
      payload: { reason: "LADO request" },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["x-bundle-sha256"]).toBe(sha256Hex(exported.rawPayload));
    const tarPath = join(mkdtempSync(join(tmpdir(), "vigil-bundle-")), "bundle.tar");
    writeFileSync(tarPath, exported.rawPayload);
    const names: string[] = [];
    await list({ file: tarPath, onReadEntry: (entry) => names.push(entry.path) });
    expect(names).toEqual(
      expect.arrayContaining(["manifest.json", "record.json", "summary.pdf", "audit-excerpt.json"]),
    );
    expect(names.some((name) => name.startsWith("evidence/") && name.endsWith(".txt"))).toBe(true);
    expect(readFileSync(tarPath).toString("latin1")).toContain("https://bet.example/slots");
    const audit = await database()
      .db.selectFrom("audit_records")
      .select("data")
      .where("event", "=", "incident.exported")
      .where("subject_id", "=", incidentId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toEqual(
      expect.objectContaining({ bundleSha256: exported.headers["x-bundle-sha256"], reason: "LADO request" }),
    );
  });
});
