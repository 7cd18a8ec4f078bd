import { expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { buildLibrary, buildPhraseFile } from "../detection/library.builder.js";
import { verifyAuditChains } from "../platform/audit/verify-audit-chains.js";
import { inTransaction } from "../platform/context/write-context.js";
import { scopeOf } from "../schools/school-scope.js";
import { buildSchool, testActor } from "../test-support/builders.js";
import { createDetectionOverride } from "./create-detection-override.js";
import { findDetectionOverrides, findOverridesInForce } from "./detection-override.repository.js";
import { revokeDetectionOverride } from "./revoke-detection-override.js";

const library = buildLibrary(
  buildPhraseFile("violence", [{ id: "shoot", phrase: "shoot", weight: 60, severity: 2 }]),
);
const who = { actor: testActor, ip: "127.0.0.1" };

forEachDialect("school overrides of the phrase library", (database) => {
  it("refuses a suppression of a rule that does not exist", async () => {
    const { schoolId } = await buildSchool(database());
    const attempt = inTransaction(database(), who, (ctx) =>
      createDetectionOverride(
        ctx,
        schoolId,
        { kind: "suppression", ruleId: "en.violence.nope", reason: "typo test" },
        library,
      ),
    );
    await expect(attempt).rejects.toThrow("There is no rule en.violence.nope in the phrase library.");
  });

  it("keeps overrides per school, audited, and drops revoked and expired ones from scanning", async () => {
    const oak = await buildSchool(database());
    const elm = await buildSchool(database());
    const add = (schoolId: string, input: Parameters<typeof createDetectionOverride>[2]) =>
      inTransaction(database(), who, (ctx) => createDetectionOverride(ctx, schoolId, input, library));
    await add(oak.schoolId, {
      kind: "suppression",
      ruleId: "en.violence.shoot",
      site: "bbc.co.uk",
      reason: "sports pages",
    });
    const allowed = await add(oak.schoolId, {
      kind: "allowed-term",
      phrase: "photo shoot",
      reason: "art department",
    });
    await add(oak.schoolId, {
      kind: "allowed-term",
      phrase: "expired",
      reason: "gone",
      expiresAt: "2020-01-01T00:00:00Z",
    });
    await add(elm.schoolId, {
      kind: "local-term",
      phrase: "bus stop crew",
      category: "violence",
      weight: 120,
      severity: 4,
      reason: "local gang",
    });

    const { db } = database();
    const oakScope = scopeOf([oak.schoolId]);
    const inForce = await findOverridesInForce(db, oakScope, oak.schoolId);
    expect(inForce.suppressions).toEqual([
      expect.objectContaining({ ruleId: "en.violence.shoot", site: "bbc.co.uk", user: null }),
    ]);
    expect(inForce.allowedTerms.map((term) => term.phrase)).toEqual(["photo shoot"]);
    expect(inForce.localTerms).toEqual([]);
    expect(await findOverridesInForce(db, oakScope, elm.schoolId)).toEqual({
      localTerms: [],
      allowedTerms: [],
      suppressions: [],
    });

    await inTransaction(database(), who, (ctx) =>
      revokeDetectionOverride(ctx, oakScope, allowed, "no longer needed"),
    );
    expect((await findOverridesInForce(db, oakScope, oak.schoolId)).allowedTerms).toEqual([]);
    expect(await findDetectionOverrides(db, oakScope)).toHaveLength(3);
    await expect(
      inTransaction(database(), who, (ctx) =>
        revokeDetectionOverride(ctx, scopeOf([elm.schoolId]), allowed, "not mine"),
      ),
    ).rejects.toThrow(/There is no override/);

    const events = await db
      .selectFrom("audit_records")
      .select("event")
      .where("school_id", "=", oak.schoolId)
      .execute();
    expect(events.filter((row) => row.event.startsWith("detection-override."))).toHaveLength(4);
    expect((await verifyAuditChains(db)).problems).toEqual([]);
  });
});
