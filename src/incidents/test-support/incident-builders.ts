/** Builders for incident tests: an incident, an alert to raise, a PNG, and a test evidence store. */
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IncidentCreate } from "../../contracts/incident.contract.js";
import type { VigilDatabase } from "../../db/open-database.js";
import { openEvidenceStore, type EvidenceStore } from "../../evidence/evidence-store.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { testActor } from "../../test-support/builders.js";
import { recordIncident } from "../record-incident.js";

/** Records an incident through the real command; returns its id. */
export async function buildIncident(
  database: VigilDatabase,
  schoolId: string,
  overrides: Partial<IncidentCreate> = {},
): Promise<string> {
  const row = await inTransaction(database, { actor: testActor, ip: null }, (ctx) =>
    recordIncident(
      ctx,
      schoolId,
      {
        type: "accessing-inappropriate-material",
        incidentDate: "2026-11-02T10:15:00Z",
        summary: "Gambling site during maths",
        description: "Pupil opened a gambling site on a library PC.",
        informationClassification: "none",
        people: [{ kind: "pupil", involvement: "subject", name: "Sam Pupil", userName: "spupil" }],
        websites: ["https://bet.example/"],
        device: "LIB-PC-07",
        ...overrides,
      },
      "recorded",
    ),
  );
  return row.id;
}

/** Inserts an alert as the pipeline would; returns its id. */
export async function buildAlert(
  database: VigilDatabase,
  schoolId: string,
  overrides: { evidence?: string; userName?: string; url?: string } = {},
): Promise<string> {
  const id = randomUUID();
  const now = new Date(Date.now() - 60_000).toISOString();
  await database.db
    .insertInto("alerts")
    .values({
      id,
      school_id: schoolId,
      status: "new",
      severity: 4,
      categories: JSON.stringify(["self-harm"]),
      explanation: JSON.stringify({ rules: ["en.self-harm.intent"], library: "test" }),
      evidence: overrides.evidence ?? "... i want to hurt myself tonight ...",
      url: overrides.url ?? "https://search.example/?q=hurt",
      user_name: overrides.userName ?? "jpupil",
      device: "LAPTOP-12",
      ip: "10.0.0.12",
      first_seen: now,
      last_seen: now,
      count: 1,
      group_key: randomUUID(),
      first_event_id: randomUUID(),
      last_event_id: randomUUID(),
      created_by: "pipeline (test)",
      created_at: now,
      updated_at: now,
      assignee_id: null,
      rule_ids: JSON.stringify(["en.self-harm.intent"]),
      acknowledged_at: null,
    })
    .execute();
  return id;
}

/** A real 1x1 PNG. */
export const tinyPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** An evidence store over a fresh data directory (its key file is created on first use). */
export async function testEvidenceStore(
  database: VigilDatabase,
  dataDir = mkdtempSync(join(tmpdir(), "vigil-ev-")),
): Promise<EvidenceStore> {
  return openEvidenceStore(database.db, {
    dataDir,
    evidenceKey: null,
    evidenceKeyFile: join(dataDir, "evidence.key"),
    evidenceMaxBytes: 1024 * 1024,
  });
}
