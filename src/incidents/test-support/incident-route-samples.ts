/**
 * One valid request per incident and evidence route, for the authorization matrix
 * (`route-matrix.test.ts`). The server there must use `incidentMatrixDataDir` so that evidence
 * made here is readable with the server's key.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InjectOptions } from "fastify";
import type { VigilDatabase } from "../../db/open-database.js";
import { addEvidence } from "../../evidence/add-evidence.js";
import { holdMonitoring } from "../../evidence/monitoring-holds.js";
import { buildUser } from "../../identity/test-support/identity-builders.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { testActor } from "../../test-support/builders.js";
import { recordAction } from "../record-action.js";
import { buildAlert, buildIncident, testEvidenceStore, tinyPng } from "./incident-builders.js";

type Sample = (database: VigilDatabase, schoolId: string) => Promise<InjectOptions>;

/** The data directory (and so the evidence key) the matrix's server and these samples share. */
export const incidentMatrixDataDir = mkdtempSync(join(tmpdir(), "vigil-matrix-"));

/** Server settings for the matrix: the shared data directory and its key file. */
export const incidentMatrixConfig = {
  dataDir: incidentMatrixDataDir,
  evidenceKeyFile: join(incidentMatrixDataDir, "evidence.key"),
};

const base = (schoolId: string) => `/api/v1/schools/${schoolId}`;
const incidentUrl = async (db: VigilDatabase, schoolId: string) =>
  `${base(schoolId)}/incidents/${await buildIncident(db, schoolId)}`;

async function evidenceUrl(db: VigilDatabase, schoolId: string): Promise<string> {
  const incidentId = await buildIncident(db, schoolId);
  const incident = { id: incidentId, school_id: schoolId };
  const store = await testEvidenceStore(db, incidentMatrixDataDir);
  const row = await inTransaction(db, { actor: testActor, ip: null }, (ctx) =>
    addEvidence(ctx, store, incident, {
      kind: "screenshot",
      mediaType: "image/png",
      contentBase64: tinyPng.toString("base64"),
      graphic: false,
      sensitive: false,
    }),
  );
  return `${base(schoolId)}/incidents/${incidentId}/evidence/${row.id}`;
}

export const incidentRouteSamples: Record<string, Sample> = {
  "GET /api/v1/schools/:schoolId/incidents": (_db, schoolId) =>
    Promise.resolve({ url: `${base(schoolId)}/incidents` }),
  "POST /api/v1/schools/:schoolId/incidents": (_db, schoolId) =>
    Promise.resolve({
      method: "POST",
      url: `${base(schoolId)}/incidents`,
      payload: {
        type: "network-misuse",
        incidentDate: "2026-11-01",
        summary: "VPN",
        description: "A VPN app",
      },
    }),
  "POST /api/v1/schools/:schoolId/concerns": (_db, schoolId) =>
    Promise.resolve({
      method: "POST",
      url: `${base(schoolId)}/concerns`,
      payload: { who: "A pupil", what: "Upset after a chat", when: "2026-11-01T09:00:00Z" },
    }),
  "POST /api/v1/schools/:schoolId/incidents/from-alerts": async (db, schoolId) => ({
    method: "POST",
    url: `${base(schoolId)}/incidents/from-alerts`,
    payload: {
      alertIds: [await buildAlert(db, schoolId)],
      type: "bullying-or-harassment",
      summary: "From an alert",
    },
  }),
  "GET /api/v1/schools/:schoolId/incidents/:incidentId": async (db, schoolId) => ({
    url: await incidentUrl(db, schoolId),
  }),
  "PATCH /api/v1/schools/:schoolId/incidents/:incidentId": async (db, schoolId) => ({
    method: "PATCH",
    url: await incidentUrl(db, schoolId),
    payload: { summary: `Changed ${randomUUID().slice(0, 6)}`, reason: "clearer" },
  }),
  "POST /api/v1/schools/:schoolId/incidents/:incidentId/timeline": async (db, schoolId) => ({
    method: "POST",
    url: `${await incidentUrl(db, schoolId)}/timeline`,
    payload: { kind: "note", body: "Spoke to the pupil" },
  }),
  "POST /api/v1/schools/:schoolId/incidents/:incidentId/close": async (db, schoolId) => ({
    method: "POST",
    url: `${await incidentUrl(db, schoolId)}/close`,
    payload: { outcome: "Resolved" },
  }),
  "POST /api/v1/schools/:schoolId/incidents/:incidentId/viewers": async (db, schoolId) => ({
    method: "POST",
    url: `${await incidentUrl(db, schoolId)}/viewers`,
    payload: { userId: (await buildUser(db, { schoolId, role: "teacher" })).userId },
  }),
  "POST /api/v1/schools/:schoolId/incidents/:incidentId/actions": async (db, schoolId) => ({
    method: "POST",
    url: `${await incidentUrl(db, schoolId)}/actions`,
    payload: { kind: "task", description: "Check filtering", owner: "IT", dueOn: "2026-12-01" },
  }),
  "POST /api/v1/schools/:schoolId/incidents/:incidentId/actions/:actionId/complete": async (db, schoolId) => {
    const incidentId = await buildIncident(db, schoolId);
    const action = await inTransaction(db, { actor: testActor, ip: null }, (ctx) =>
      recordAction(
        ctx,
        { id: incidentId, school_id: schoolId },
        { kind: "task", description: "x", owner: "IT", dueOn: "2026-12-01" },
      ),
    );
    return {
      method: "POST",
      url: `${base(schoolId)}/incidents/${incidentId}/actions/${action.id}/complete`,
      payload: {},
    };
  },
  "POST /api/v1/schools/:schoolId/incidents/:incidentId/letter": async (db, schoolId) => ({
    method: "POST",
    url: `${await incidentUrl(db, schoolId)}/letter`,
    payload: { parentName: "Ms P", pupilName: "Sam" },
  }),
  "POST /api/v1/schools/:schoolId/incidents/:incidentId/export": async (db, schoolId) => ({
    method: "POST",
    url: `${await incidentUrl(db, schoolId)}/export`,
    payload: { reason: "for the LADO" },
  }),
  "GET /api/v1/schools/:schoolId/incident-types": (_db, schoolId) =>
    Promise.resolve({ url: `${base(schoolId)}/incident-types` }),
  "POST /api/v1/schools/:schoolId/incident-types": (_db, schoolId) =>
    Promise.resolve({
      method: "POST",
      url: `${base(schoolId)}/incident-types`,
      payload: { label: `Type ${randomUUID().slice(0, 8)}` },
    }),
  "GET /api/v1/schools/:schoolId/incident-settings": (_db, schoolId) =>
    Promise.resolve({ url: `${base(schoolId)}/incident-settings` }),
  "PUT /api/v1/schools/:schoolId/incident-settings": (_db, schoolId) =>
    Promise.resolve({
      method: "PUT",
      url: `${base(schoolId)}/incident-settings`,
      payload: { twoPersonReview: false },
    }),
  "GET /api/v1/schools/:schoolId/incident-actions/due": (_db, schoolId) =>
    Promise.resolve({ url: `${base(schoolId)}/incident-actions/due` }),
  "GET /api/v1/schools/:schoolId/monitoring-holds": (_db, schoolId) =>
    Promise.resolve({ url: `${base(schoolId)}/monitoring-holds` }),
  "POST /api/v1/schools/:schoolId/monitoring-holds/:holdId/release": async (db, schoolId) => {
    const incidentId = await buildIncident(db, schoolId);
    const hold = await inTransaction(db, { actor: testActor, ip: null }, (ctx) =>
      holdMonitoring(ctx, { schoolId, device: "LIB-PC-07", userName: null, incidentId, reason: "matrix" }),
    );
    return {
      method: "POST",
      url: `${base(schoolId)}/monitoring-holds/${hold.id}/release`,
      payload: { reason: "matrix check" },
    };
  },
  "POST /api/v1/schools/:schoolId/incidents/:incidentId/evidence": async (db, schoolId) => ({
    method: "POST",
    url: `${await incidentUrl(db, schoolId)}/evidence`,
    payload: { kind: "url", url: "https://bet.example/" },
  }),
  "POST /api/v1/schools/:schoolId/incidents/:incidentId/evidence/:evidenceId/view": async (db, schoolId) => ({
    method: "POST",
    url: `${await evidenceUrl(db, schoolId)}/view`,
    payload: { reason: "matrix check" },
  }),
  "POST /api/v1/schools/:schoolId/incidents/:incidentId/evidence/:evidenceId/approve": async (
    db,
    schoolId,
  ) => ({
    method: "POST",
    url: `${await evidenceUrl(db, schoolId)}/approve`,
    payload: { reason: "matrix check" },
  }),
  "POST /api/v1/schools/:schoolId/incidents/:incidentId/evidence/:evidenceId/csam": async (db, schoolId) => ({
    method: "POST",
    url: `${await evidenceUrl(db, schoolId)}/csam`,
    payload: { note: "matrix check" },
  }),
};
