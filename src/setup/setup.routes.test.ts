import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { verifyAuditChains } from "../platform/audit/verify-audit-chains.js";
import { loadConfig } from "../platform/config/load-config.js";
import { createServer } from "../platform/http/create-server.js";
import { verifyPassword } from "../identity/password.js";
import { issueSetupToken } from "./setup-state.js";

const form = (token: string) => ({
  token,
  organisation: { name: "Oak Learning Trust", kind: "trust" },
  school: { name: "Oak Primary" },
  admin: { name: "Ann Patel", email: "Ann.Patel@oak.example", password: "a long pass phrase" },
});

forEachDialect("first-run setup over HTTP", (database) => {
  let app: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    app = await createServer({ config: { ...loadConfig({}), logLevel: "silent" }, database: database() });
    token = await issueSetupToken(database().db);
  });
  afterAll(() => app.close());

  it("answers health checks but nothing else before setup", async () => {
    expect((await app.inject("/healthz")).statusCode).toBe(200);
    expect((await app.inject("/readyz")).json()).toMatchObject({
      status: "ready",
      database: database().capabilities.engine,
    });
    const refused = await app.inject("/api/v1/anything");
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ error: { id: "setup_required" } });
    expect((await app.inject("/")).headers.location).toBe("/setup");
  });

  it("serves the setup page with a labelled form", async () => {
    const page = await app.inject("/setup");
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain('<label for="admin.email">');
  });

  it("refuses a wrong token without creating anything", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/setup",
      payload: form("not-the-token"),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { id: "setup_token_invalid" } });
    expect(await database().db.selectFrom("schools").selectAll().execute()).toEqual([]);
  });

  it("names each invalid field", async () => {
    const bad = { ...form(token), admin: { name: "", email: "not-an-email", password: "short" } };
    const response = await app.inject({ method: "POST", url: "/api/v1/setup", payload: bad });
    expect(response.statusCode).toBe(400);
    const body: { error: { fields: { path: string }[] } } = response.json();
    const paths = body.error.fields.map((field) => field.path);
    expect(paths).toEqual(["admin.name", "admin.email", "admin.password"]);
  });

  it("refuses a common password, saying why", async () => {
    const weak = { ...form(token), admin: { ...form(token).admin, password: "Password123456!" } };
    const response = await app.inject({ method: "POST", url: "/api/v1/setup", payload: weak });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { fields: [{ path: "admin.password" }] } });
    expect(response.body).toContain("too easy to guess");
  });

  it("creates the organisation, school and administrator, audited, then opens up", async () => {
    const response = await app.inject({ method: "POST", url: "/api/v1/setup", payload: form(token) });
    expect(response.statusCode).toBe(201);
    const { db } = database();
    const user = await db.selectFrom("users").selectAll().executeTakeFirstOrThrow();
    expect(user.email).toBe("ann.patel@oak.example");
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.password_hash ?? "", "a long pass phrase")).toBe(true);
    const membership = await db.selectFrom("memberships").selectAll().executeTakeFirstOrThrow();
    expect(membership.role).toBe("administrator");
    const events = (await db.selectFrom("audit_records").select("event").orderBy("created_at").execute()).map(
      (r) => r.event,
    );
    expect(events).toEqual(
      expect.arrayContaining(["organisation.created", "school.created", "user.created", "setup.completed"]),
    );
    expect((await verifyAuditChains(db)).problems).toEqual([]);
    expect((await app.inject("/api/v1/anything")).statusCode).toBe(404);
    const home = await app.inject("/");
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("<title>Vigil</title>");
  });

  it("cannot be run twice, even with the old token", async () => {
    const response = await app.inject({ method: "POST", url: "/api/v1/setup", payload: form(token) });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { id: "setup_already_complete" } });
  });
});
