import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { buildSchool } from "../../test-support/builders.js";
import { buildUser, signInAs, type TestSession } from "../test-support/identity-builders.js";
import { startTestServer } from "../test-support/test-server.js";

const secret = "GOCSPX-the-real-client-secret";

forEachDialect("identity providers, for administrators", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let otherSchoolId: string;
  let admin: TestSession;
  const url = () => `/api/v1/schools/${schoolId}/identity-providers`;
  const google = { kind: "google", clientId: "123.apps.googleusercontent.com", clientSecret: secret };

  beforeAll(async () => {
    app = await startTestServer(database(), { publicUrl: "https://vigil.oak.example" });
    ({ schoolId } = await buildSchool(database()));
    ({ schoolId: otherSchoolId } = await buildSchool(database()));
    admin = await signInAs(app, (await buildUser(database(), { schoolId, role: "administrator" })).email);
  });
  afterAll(() => app.close());

  describe("refusals", () => {
    it("names each invalid field", async () => {
      const response = await admin.request({
        method: "POST",
        url: url(),
        payload: { kind: "microsoft", clientId: "", clientSecret: "s", allowedDomains: [] },
      });
      expect(response.statusCode).toBe(400);
      const fields = response.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields;
      expect(fields.map((field) => field.path).sort()).toEqual(["allowedDomains", "clientId"]);
    });

    it("requires the tenant issuer for Microsoft and refuses plain http off this machine", async () => {
      const microsoft = await admin.request({
        method: "POST",
        url: url(),
        payload: { ...google, kind: "microsoft", allowedDomains: ["oak.example"] },
      });
      expect(microsoft.statusCode).toBe(400);
      expect(microsoft.body).toContain("login.microsoftonline.com/<your tenant id>/v2.0");
      const plain = await admin.request({
        method: "POST",
        url: url(),
        payload: { ...google, kind: "oidc", issuer: "http://idp.example", allowedDomains: ["oak.example"] },
      });
      expect(plain.statusCode).toBe(400);
      expect(plain.body).toContain("https://");
    });

    it("refuses a teacher, and an administrator of another school", async () => {
      const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
      const asTeacher = await teacher.request({ method: "GET", url: url() });
      expect(asTeacher.statusCode).toBe(403);
      const elsewhere = await signInAs(
        app,
        (await buildUser(database(), { schoolId: otherSchoolId, role: "administrator" })).email,
      );
      const asOther = await elsewhere.request({
        method: "POST",
        url: url(),
        payload: { ...google, allowedDomains: ["oak.example"] },
      });
      expect(asOther.statusCode).toBe(403);
    });
  });

  it("adds a Google provider with its redirect URI, keeps the secret sealed, lists and removes it", async () => {
    const created = await admin.request({
      method: "POST",
      url: url(),
      payload: { ...google, allowedDomains: ["Oak.example", "oak.example", "staff.oak.example"] },
    });
    expect(created.statusCode).toBe(201);
    const provider = created.json<Record<string, unknown>>();
    expect(provider).toMatchObject({
      kind: "google",
      label: "Google",
      issuer: "https://accounts.google.com",
      allowedDomains: ["oak.example", "staff.oak.example"],
      trustProviderMfa: false,
      redirectUri: `https://vigil.oak.example/api/v1/auth/sso/${String(provider.id)}/callback`,
    });
    expect(created.body).not.toContain(secret);
    const row = await database()
      .db.selectFrom("identity_providers")
      .select("client_secret_sealed")
      .where("id", "=", String(provider.id))
      .executeTakeFirstOrThrow();
    expect(row.client_secret_sealed).toMatch(/^VGS1\./);
    expect(row.client_secret_sealed).not.toContain(secret);
    const audit = await database()
      .db.selectFrom("audit_records")
      .select(["data", "school_id"])
      .where("event", "=", "identity-provider.added")
      .where("subject_id", "=", String(provider.id))
      .executeTakeFirstOrThrow();
    expect(audit.school_id).toBe(schoolId);
    expect(audit.data).not.toContain(secret);

    const offered = await app.inject({ url: "/api/v1/auth/sso/providers?email=Someone@STAFF.oak.example" });
    expect(offered.json()).toEqual({
      providers: [
        {
          id: provider.id,
          kind: "google",
          label: "Google",
          startUrl: `/api/v1/auth/sso/${String(provider.id)}/start`,
        },
      ],
    });
    const none = await app.inject({ url: "/api/v1/auth/sso/providers?email=someone@elsewhere.example" });
    expect(none.json()).toEqual({ providers: [] });

    const listed = await admin.request({ method: "GET", url: url() });
    expect(
      listed.json<{ identityProviders: { id: string }[] }>().identityProviders.map((p) => p.id),
    ).toContain(provider.id);
    const wrongSchool = await admin.request({
      method: "DELETE",
      url: `/api/v1/schools/${otherSchoolId}/identity-providers/${String(provider.id)}`,
    });
    expect(wrongSchool.statusCode).toBe(403);
    const removed = await admin.request({ method: "DELETE", url: `${url()}/${String(provider.id)}` });
    expect(removed.statusCode).toBe(204);
    const again = await admin.request({ method: "DELETE", url: `${url()}/${String(provider.id)}` });
    expect(again.statusCode).toBe(404);
    const start = await app.inject({ url: `/api/v1/auth/sso/${String(provider.id)}/start` });
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe("/sign-in?error=sso-unknown-provider");
  });

  it("sends the browser back to the sign-in page when the provider cannot be reached", async () => {
    const created = await admin.request({
      method: "POST",
      url: url(),
      // Port 9 on loopback: nothing listens, so discovery fails at once.
      payload: { ...google, kind: "oidc", issuer: "http://127.0.0.1:9", allowedDomains: ["oak.example"] },
    });
    const start = await app.inject({ url: `/api/v1/auth/sso/${created.json<{ id: string }>().id}/start` });
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe("/sign-in?error=sso-provider-error");
    expect(start.cookies).toEqual([]);
  });
});
