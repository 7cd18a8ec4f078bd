import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { addEvidence } from "../evidence/add-evidence.js";
import type { EvidenceStore } from "../evidence/evidence-store.js";
import { verifyAuditChains } from "../platform/audit/verify-audit-chains.js";
import { inTransaction } from "../platform/context/write-context.js";
import { buildSchool, testActor } from "../test-support/builders.js";
import { appendTimelineEntry } from "./append-timeline-entry.js";
import { buildIncident, testEvidenceStore, tinyPng } from "./test-support/incident-builders.js";
import { incidentRecordCheck } from "./verify-incident-records.js";

forEachDialect("incident tamper evidence", (database) => {
  let store: EvidenceStore | undefined;
  const setUp = async () => {
    store ??= await testEvidenceStore(database());
    const { schoolId } = await buildSchool(database());
    const incidentId = await buildIncident(database(), schoolId);
    const incident = await database()
      .db.selectFrom("incidents")
      .selectAll()
      .where("id", "=", incidentId)
      .executeTakeFirstOrThrow();
    const evidence = await inTransaction(database(), { actor: testActor, ip: null }, (ctx) =>
      addEvidence(ctx, store as EvidenceStore, incident, {
        kind: "screenshot",
        mediaType: "image/png",
        contentBase64: tinyPng.toString("base64"),
        graphic: false,
        sensitive: false,
      }),
    );
    const entry = await inTransaction(database(), { actor: testActor, ip: null }, (ctx) =>
      appendTimelineEntry(ctx, incident, { kind: "note", body: "Spoke to the pupil" }),
    );
    return { incidentId, evidence, entry, dataDir: store.dataDir };
  };
  const verify = (dataDir: string) => verifyAuditChains(database().db, [incidentRecordCheck(dataDir)]);

  it("verifies an untouched incident log as intact", async () => {
    const { dataDir } = await setUp();
    expect((await verify(dataDir)).problems).toEqual([]);
  });

  it("catches an incident row edited straight in the database", async () => {
    const { incidentId, dataDir } = await setUp();
    await database()
      .db.updateTable("incidents")
      .set({ description: "nothing happened" })
      .where("id", "=", incidentId)
      .execute();
    const { problems } = await verify(dataDir);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining(`incident ${incidentId} differs from its audited value`),
    ]);
  });

  it("catches a chronology entry edited or deleted", async () => {
    const { entry, dataDir } = await setUp();
    await database()
      .db.updateTable("incident_timeline")
      .set({ body: "Did not speak to the pupil" })
      .where("id", "=", entry.id)
      .execute();
    expect((await verify(dataDir)).problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining(`incident-entry ${entry.id} differs`)]),
    );
    await database().db.deleteFrom("incident_timeline").where("id", "=", entry.id).execute();
    expect((await verify(dataDir)).problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining(`incident-entry ${entry.id} was deleted`)]),
    );
  });

  it("catches an evidence file altered on disk", async () => {
    const { evidence, dataDir } = await setUp();
    const path = join(dataDir, evidence.storage_path);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    expect((await verify(dataDir)).problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining(`evidence file ${evidence.storage_path} was altered`)]),
    );
  });
});
