import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { buildUser, enrolSecondFactor, signInAs } from "../identity/test-support/identity-builders.js";
import { startTestServer } from "../identity/test-support/test-server.js";
import { verifyAuditChains } from "../platform/audit/verify-audit-chains.js";
import { buildSchool } from "../test-support/builders.js";

forEachDialect("school overrides over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let url: string;

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    url = `/api/v1/schools/${schoolId}/detection-overrides`;
  });
  afterAll(() => app.close());

  it("refuses people who are not signed in, and teachers", async () => {
    expect((await app.inject({ url })).statusCode).toBe(401);
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    const refused = await teacher.request({
      method: "POST",
      url,
      payload: { kind: "allowed-term", phrase: "x y", reason: "test" },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("names what is wrong with an override, including a rule that does not exist", async () => {
    const manager = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "network-manager" })).email,
    );
    await enrolSecondFactor(manager);
    const bad = await manager.request({
      method: "POST",
      url,
      payload: { kind: "local-term", phrase: "", reason: "x" },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json<{ error: { fields: { path: string }[] } }>()
      .error.fields.map((field) => field.path);
    expect(paths).toEqual(expect.arrayContaining(["phrase", "category", "reason"]));
    const unknown = await manager.request({
      method: "POST",
      url,
      payload: { kind: "suppression", ruleId: "en.violence.no-such-rule", reason: "sports pages" },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { message: string } }>().error.message).toContain(
      "no rule en.violence.no-such-rule",
    );
  });

  it("lets a network manager add an allowed term, list it and end it, each step audited", async () => {
    const manager = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "network-manager" })).email,
    );
    await enrolSecondFactor(manager);
    const created = await manager.request({
      method: "POST",
      url,
      payload: { kind: "allowed-term", phrase: "assassins chess club", reason: "a school club" },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();

    const listed = await manager.request({ url });
    expect(listed.json<{ overrides: { id: string; revokedAt: string | null }[] }>().overrides).toEqual([
      expect.objectContaining({ id, revokedAt: null }),
    ]);
    const revoked = await manager.request({
      method: "POST",
      url: `${url}/${id}/revoke`,
      payload: { reason: "club closed" },
    });
    expect(revoked.statusCode).toBe(200);
    const again = await manager.request({
      method: "POST",
      url: `${url}/${id}/revoke`,
      payload: { reason: "twice" },
    });
    expect(again.statusCode).toBe(409);

    const events = await database()
      .db.selectFrom("audit_records")
      .select("event")
      .where("subject_id", "=", id)
      .orderBy("seq")
      .execute();
    expect(events.map((row) => row.event)).toEqual([
      "detection-override.created",
      "detection-override.revoked",
    ]);
    expect((await verifyAuditChains(database().db)).problems).toEqual([]);
  });
});
