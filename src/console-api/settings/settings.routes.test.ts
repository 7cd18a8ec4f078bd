import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import type {
  IngestKeyCreated,
  IngestKeyList,
  PhraseLibraryView,
} from "../../contracts/console-settings.contract.js";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import {
  auditEventsAbout,
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../../identity/test-support/identity-builders.js";
import { startTestServer } from "../../identity/test-support/test-server.js";
import { buildSchool } from "../../test-support/builders.js";

forEachDialect("console settings over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let keys: string;
  let manager: TestSession;

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    keys = `/api/v1/schools/${schoolId}/ingest-keys`;
    manager = await signInAs(app, (await buildUser(database(), { schoolId, role: "network-manager" })).email);
    await enrolSecondFactor(manager);
  });
  afterAll(() => app.close());

  it("refuses ingest keys to people not signed in, to teachers, and a nameless key", async () => {
    expect((await app.inject({ url: keys })).statusCode).toBe(401);
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    expect((await teacher.request({ url: keys })).statusCode).toBe(403);
    expect((await teacher.request({ method: "POST", url: keys, payload: { name: "x" } })).statusCode).toBe(
      403,
    );
    const nameless = await manager.request({ method: "POST", url: keys, payload: { name: " " } });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path).toBe("name");
    const unknown = await manager.request({
      method: "POST",
      url: `${keys}/00000000-0000-4000-8000-000000000000/revoke`,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("makes a key (secret shown once), lists it without the secret, revokes it once, audited", async () => {
    const created = await manager.request({ method: "POST", url: keys, payload: { name: "Squid proxy" } });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json<IngestKeyCreated>();
    expect(secret).toMatch(/^vik_/);
    const listed = (await manager.request({ url: keys })).json<IngestKeyList>();
    expect(listed.keys).toEqual([expect.objectContaining({ id, name: "Squid proxy", revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await manager.request({ method: "POST", url: `${keys}/${id}/revoke` })).statusCode).toBe(200);
    expect((await manager.request({ method: "POST", url: `${keys}/${id}/revoke` })).statusCode).toBe(409);
    expect(await auditEventsAbout(database(), id)).toEqual(["ingest-key.created", "ingest-key.revoked"]);
  });

  it("refuses the phrase library to teachers, and an over-long search", async () => {
    const url = `/api/v1/schools/${schoolId}/phrase-library`;
    expect((await app.inject({ url })).statusCode).toBe(401);
    const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
    expect((await teacher.request({ url })).statusCode).toBe(403);
    expect((await manager.request({ url: `${url}?q=${"x".repeat(101)}` })).statusCode).toBe(400);
  });

  it("browses the phrase library by category and search, with each rule's examples", async () => {
    const url = `/api/v1/schools/${schoolId}/phrase-library`;
    const all = (await manager.request({ url })).json<PhraseLibraryView>();
    expect(all.categories.map((entry) => entry.category)).toContain("self-harm");
    expect(all.matching).toBe(all.categories.reduce((sum, entry) => sum + entry.rules, 0));
    const found = (
      await manager.request({ url: `${url}?category=self-harm&q=kill myself` })
    ).json<PhraseLibraryView>();
    expect(found.rules.length).toBeGreaterThan(0);
    expect(found.rules.every((rule) => rule.category === "self-harm")).toBe(true);
    const rule = found.rules.find((entry) => entry.id === "en.self-harm.kill-myself");
    expect(rule?.examples.match.length).toBeGreaterThan(0);
  });
});
