import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { buildSchool, testActor } from "../../test-support/builders.js";
import { inTransaction } from "../context/write-context.js";
import { appendAudit } from "./append-audit.js";
import { canonicalJson } from "./canonical-json.js";
import { verifyAuditChains } from "./verify-audit-chains.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "x"], c: null, e: undefined } })).toBe(
      '{"a":{"c":null,"d":[1,"x"]},"b":1}',
    );
  });
  it("refuses values JSON cannot hold", () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/no JSON form/);
  });
});

forEachDialect("audit hash chain", (database) => {
  let schoolId: string;

  beforeEach(async () => {
    const { db } = database();
    // Each test starts from an empty log so tampering in one cannot leak into the next.
    await db.deleteFrom("audit_records").execute();
    await db.deleteFrom("audit_chain_heads").execute();
    ({ schoolId } = await buildSchool(database()));
    await inTransaction(database(), { actor: testActor, ip: "10.0.0.1" }, async (ctx) => {
      for (let index = 0; index < 4; index += 1) {
        await appendAudit(ctx, {
          event: "user.created",
          schoolId,
          subject: { type: "user", id: `u${index}` },
          data: { index },
        });
      }
    });
  });

  it("verifies an untouched log", async () => {
    const report = await verifyAuditChains(database().db);
    expect(report.problems).toEqual([]);
    expect(report.records).toBe(6); // the instance chain: organisation.created; the school chain: school.created, four user.created
  });

  it("names a record whose content was altered", async () => {
    await sql`update audit_records set data = '{"index":99}' where chain = ${schoolId} and seq = 3`.execute(
      database().db,
    );
    const { problems } = await verifyAuditChains(database().db);
    expect(problems).toEqual([expect.objectContaining({ chain: schoolId, seq: 3, kind: "altered" })]);
  });

  it("names the gap where a record was removed", async () => {
    await sql`delete from audit_records where chain = ${schoolId} and seq = 2`.execute(database().db);
    const { problems } = await verifyAuditChains(database().db);
    expect(problems).toEqual([expect.objectContaining({ chain: schoolId, seq: 2, kind: "missing" })]);
  });

  it("notices records swapped into a different order", async () => {
    const { db } = database();
    await sql`update audit_records set seq = 100 where chain = ${schoolId} and seq = 2`.execute(db);
    await sql`update audit_records set seq = 2 where chain = ${schoolId} and seq = 3`.execute(db);
    await sql`update audit_records set seq = 3 where chain = ${schoolId} and seq = 100`.execute(db);
    const { problems } = await verifyAuditChains(db);
    expect(problems).toEqual([expect.objectContaining({ chain: schoolId, seq: 2, kind: "reordered" })]);
  });

  it("notices the newest record being removed", async () => {
    await sql`delete from audit_records where chain = ${schoolId} and seq = 5`.execute(database().db);
    const { problems } = await verifyAuditChains(database().db);
    expect(problems).toEqual([expect.objectContaining({ chain: schoolId, kind: "truncated" })]);
  });

  it("keeps one unbroken chain when many transactions append at once", async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        inTransaction(database(), { actor: testActor, ip: null }, (ctx) =>
          appendAudit(ctx, { event: "membership.granted", schoolId, data: { index } }),
        ),
      ),
    );
    const report = await verifyAuditChains(database().db);
    expect(report.problems).toEqual([]);
    const rows = await database()
      .db.selectFrom("audit_records")
      .select("seq")
      .where("chain", "=", schoolId)
      .execute();
    expect(rows.map((row) => row.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 13 }, (_, i) => i + 1),
    );
  });
});
