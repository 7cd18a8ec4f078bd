import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { verifyAuditChains } from "../../platform/audit/verify-audit-chains.js";
import { buildSchool } from "../../test-support/builders.js";
import { auditEventsAbout, buildUser, signInAs, testPassword } from "../test-support/identity-builders.js";
import { startTestServer } from "../test-support/test-server.js";

const signIn = (app: FastifyInstance, email: string, password: string) =>
  app.inject({ method: "POST", url: "/api/v1/auth/sign-in", payload: { email, password } });

forEachDialect("signing in", (database) => {
  let app: FastifyInstance;
  let schoolId: string;

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
  });
  afterAll(() => app.close());

  describe("refusals", () => {
    it("names each invalid field", async () => {
      const response = await app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: { email: "x" },
      });
      expect(response.statusCode).toBe(400);
      const fields = response.json<{ error: { fields: { path: string }[] } }>().error.fields;
      expect(fields.map((field) => field.path)).toEqual(["email", "password"]);
    });

    it("answers an unknown account exactly as a wrong password, and audits the attempt", async () => {
      const { email } = await buildUser(database(), { schoolId, role: "teacher" });
      const unknown = await signIn(app, "nobody@school.example", testPassword);
      const wrong = await signIn(app, email, "not the right password");
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      const { requestId: _a, ...unknownError } = unknown.json<{ error: { requestId: string } }>().error;
      const { requestId: _b, ...wrongError } = wrong.json<{ error: { requestId: string } }>().error;
      expect(unknownError).toEqual(wrongError);
      expect(unknownError).toMatchObject({ id: "sign_in_failed" });
      const failure = await database()
        .db.selectFrom("audit_records")
        .select(["data", "school_id"])
        .where("event", "=", "user.sign-in-failed")
        .where("subject_id", "is", null)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(failure.data)).toEqual({ email: "nobody@school.example", reason: "unknown-account" });
      expect(failure.school_id).toBeNull();
    });

    it("takes about as long for an unknown account as for a wrong password (a dummy hash is verified)", async () => {
      const { email } = await buildUser(database(), { schoolId, role: "teacher" });
      const timed = async (who: string) => {
        const started = performance.now();
        await signIn(app, who, "not the right password");
        return performance.now() - started;
      };
      await timed("warm-up@school.example"); // the dummy hash is made on first use
      const unknown = Math.min(await timed("nobody@school.example"), await timed("no-one@school.example"));
      const wrong = Math.min(await timed(email), await timed(email));
      expect(unknown).toBeGreaterThan(wrong * 0.5);
    });

    it("locks the account on the fifth failure: the sixth attempt is refused even with the right password", async () => {
      const { userId, email } = await buildUser(database(), { schoolId, role: "teacher" });
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expect((await signIn(app, email, `wrong password ${attempt}`)).statusCode).toBe(401);
      }
      const sixth = await signIn(app, email, testPassword);
      expect(sixth.statusCode).toBe(401);
      expect(sixth.json()).toMatchObject({ error: { id: "sign_in_failed" } });
      expect(sixth.cookies).toEqual([]);
      const events = await auditEventsAbout(database(), userId);
      expect(events.filter((event) => event === "user.sign-in-failed")).toHaveLength(6);
      expect(events.filter((event) => event === "user.locked")).toHaveLength(1);
      const user = await database()
        .db.selectFrom("users")
        .selectAll()
        .where("id", "=", userId)
        .executeTakeFirstOrThrow();
      expect(user.locked_at).not.toBeNull();
      expect(user.failed_sign_ins).toBe(5);
    });

    it("refuses a disabled account with the same answer", async () => {
      const { userId, email } = await buildUser(database(), { schoolId, role: "teacher" });
      await database()
        .db.updateTable("users")
        .set({ disabled_at: new Date().toISOString() })
        .where("id", "=", userId)
        .execute();
      const response = await signIn(app, email, testPassword);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { id: "sign_in_failed" } });
    });
  });

  it("opens a lock once the lockout time has passed, audited", async () => {
    const { userId, email } = await buildUser(database(), { schoolId, role: "teacher" });
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    await database()
      .db.updateTable("users")
      .set({ locked_at: longAgo, failed_sign_ins: 5 })
      .where("id", "=", userId)
      .execute();
    expect((await signIn(app, email, testPassword)).statusCode).toBe(200);
    expect(await auditEventsAbout(database(), userId)).toEqual(
      expect.arrayContaining(["user.unlocked", "user.signed-in"]),
    );
  });

  it("signs in with an HttpOnly, SameSite=Lax cookie and a CSRF token, audited", async () => {
    const { userId, email } = await buildUser(database(), { schoolId, role: "teacher" });
    const response = await signIn(app, email.toUpperCase(), testPassword);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((entry) => entry.name === "vigil_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeUndefined(); // the public URL is http://localhost
    const body = response.json<{ userId: string; secondFactor: string; csrfToken: string }>();
    expect(body).toMatchObject({ userId, secondFactor: "not-enrolled" });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const stored = await database()
      .db.selectFrom("sessions")
      .select("token_hash")
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(cookie?.value);
    expect(await auditEventsAbout(database(), userId)).toContain("user.signed-in");
    expect((await verifyAuditChains(database().db)).problems).toEqual([]);
  });

  it("marks the cookie Secure when Vigil is served over https", async () => {
    const secure = await startTestServer(database(), { publicUrl: "https://vigil.school.example" });
    const { email } = await buildUser(database(), { schoolId, role: "teacher" });
    const session = await signInAs(secure, email);
    const response = await secure.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email, password: testPassword },
    });
    expect(response.cookies[0]).toMatchObject({ secure: true });
    expect(session.cookie).not.toBe("");
    await secure.close();
  });
});
