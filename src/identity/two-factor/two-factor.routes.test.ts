import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { buildSchool } from "../../test-support/builders.js";
import {
  auditEventsAbout,
  buildUser,
  enrolSecondFactor,
  signInAs,
} from "../test-support/identity-builders.js";
import { startTestServer } from "../test-support/test-server.js";
import { currentTotp } from "./totp.js";

forEachDialect("two-factor sign-in", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  const auditUrl = () => `/api/v1/schools/${schoolId}/audit`;

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
  });
  afterAll(() => app.close());

  describe("refusals", () => {
    it("keeps a DSL without a second factor out of everything but enrolment", async () => {
      const { email } = await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" });
      const session = await signInAs(app, email);
      expect(session.secondFactor).toBe("enrol-required");
      for (const url of [auditUrl(), "/api/v1/me/sessions"]) {
        const response = await session.request({ url });
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ error: { id: "two_factor_required" } });
      }
      expect((await session.request({ url: "/api/v1/me" })).json()).toMatchObject({
        secondFactor: "enrol-required",
      });
    });

    it("refuses a wrong code at confirmation, naming the field", async () => {
      const { email } = await buildUser(database(), { schoolId, role: "head" });
      const session = await signInAs(app, email);
      await session.request({ method: "POST", url: "/api/v1/auth/two-factor/enrol" });
      const response = await session.request({
        method: "POST",
        url: "/api/v1/auth/two-factor/confirm",
        payload: { code: "000000" },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({
        error: { id: "second_factor_invalid", fields: [{ path: "code" }] },
      });
      const empty = await session.request({
        method: "POST",
        url: "/api/v1/auth/two-factor/confirm",
        payload: {},
      });
      expect(empty.statusCode).toBe(400);
    });

    it("answers a teacher's read of the audit log with forbidden, not a second-factor prompt", async () => {
      const { email } = await buildUser(database(), { schoolId, role: "teacher" });
      const response = await (await signInAs(app, email)).request({ url: auditUrl() });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { id: "forbidden" } });
    });

    it("locks the account after five wrong codes", async () => {
      const { userId, email } = await buildUser(database(), {
        schoolId,
        role: "designated-safeguarding-lead",
      });
      const { secret } = await enrolSecondFactor(await signInAs(app, email));
      const session = await signInAs(app, email);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await session.request({
          method: "POST",
          url: "/api/v1/auth/two-factor/verify",
          payload: { code: "999999" },
        });
      }
      const fresh = currentTotp(secret, Date.now() + 30_000); // not the code confirmation used
      const right = await session.request({
        method: "POST",
        url: "/api/v1/auth/two-factor/verify",
        payload: { code: fresh },
      });
      expect(right.statusCode).toBe(401);
      expect(await auditEventsAbout(database(), userId)).toContain("user.locked");
    });
  });

  it("enrols, confirms, then reads the audit log, and that read is audited", async () => {
    const { userId, email } = await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" });
    const session = await signInAs(app, email);
    const enrol = await session.request({ method: "POST", url: "/api/v1/auth/two-factor/enrol" });
    const { secret, otpauthUri } = enrol.json<{ secret: string; otpauthUri: string }>();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Vigil:.*secret=/);
    const confirm = await session.request({
      method: "POST",
      url: "/api/v1/auth/two-factor/confirm",
      payload: { code: currentTotp(secret) },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json<{ recoveryCodes: string[] }>().recoveryCodes).toHaveLength(10);
    const audit = await session.request({ url: auditUrl() });
    expect(audit.statusCode).toBe(200);
    const { records } = audit.json<{ records: { event: string; actor: { id: string } }[] }>();
    expect(records[0]).toMatchObject({ event: "audit.viewed", actor: { id: userId } });
    expect(await auditEventsAbout(database(), userId)).toEqual(
      expect.arrayContaining(["two-factor.enrolment-started", "two-factor.enabled"]),
    );
    const stored = await database()
      .db.selectFrom("recovery_codes")
      .select("code_hash")
      .where("user_id", "=", userId)
      .execute();
    expect(stored.map((row) => row.code_hash)).not.toContain(
      confirm.json<{ recoveryCodes: string[] }>().recoveryCodes[0],
    );
  });

  it("keeps the seed sealed at rest, still opens a seed stored in clear, and seals it on use", async () => {
    const { email, userId } = await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" });
    const { secret } = await enrolSecondFactor(await signInAs(app, email));
    const stored = async () =>
      (
        await database()
          .db.selectFrom("two_factor_credentials")
          .select("secret")
          .where("user_id", "=", userId)
          .executeTakeFirstOrThrow()
      ).secret;
    expect(await stored()).toMatch(/^VGT1\./);
    expect(await stored()).not.toContain(secret);

    // As an earlier version stored it: in clear. It still works, and is sealed by the next use.
    await database()
      .db.updateTable("two_factor_credentials")
      .set({ secret, last_used_step: null })
      .where("user_id", "=", userId)
      .execute();
    const session = await signInAs(app, email);
    const verified = await session.request({
      method: "POST",
      url: "/api/v1/auth/two-factor/verify",
      payload: { code: currentTotp(secret) },
    });
    expect(verified.statusCode).toBe(200);
    expect(await stored()).toMatch(/^VGT1\./);
  });

  it("lets an administrator reset a lost phone: sessions end and two-factor is set up again", async () => {
    const { email, userId } = await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" });
    const lead = await signInAs(app, email);
    await enrolSecondFactor(lead);
    const admin = await signInAs(
      app,
      (await buildUser(database(), { schoolId, role: "administrator" })).email,
    );
    const reset = await admin.request({ method: "POST", url: `/api/v1/users/${userId}/two-factor/reset` });
    expect(reset.json()).toEqual({ reset: true });
    expect((await lead.request({ url: "/api/v1/me" })).statusCode).toBe(401);
    expect((await signInAs(app, email)).secondFactor).toBe("enrol-required");
    expect(await auditEventsAbout(database(), userId)).toContain("two-factor.reset");
  });

  it("asks for a code at the next sign-in; a recovery code works once and a TOTP code once", async () => {
    const { userId, email } = await buildUser(database(), { schoolId, role: "deputy-safeguarding-lead" });
    const { secret, recoveryCodes } = await enrolSecondFactor(await signInAs(app, email));
    const session = await signInAs(app, email);
    expect(session.secondFactor).toBe("verify-required");
    const code = recoveryCodes[0] ?? "";
    const verify = (payload: { code: string }, who = session) =>
      who.request({ method: "POST", url: "/api/v1/auth/two-factor/verify", payload });
    expect((await verify({ code: code.toUpperCase() })).json()).toMatchObject({
      method: "recovery-code",
      recoveryCodesLeft: 9,
    });
    const again = await signInAs(app, email);
    expect((await verify({ code }, again)).statusCode).toBe(401);
    // The next time step's code (accepted for clock drift), so it cannot be the one confirmation used.
    const totp = currentTotp(secret, Date.now() + 30_000);
    expect((await verify({ code: totp }, await signInAs(app, email))).json()).toMatchObject({
      method: "totp",
    });
    expect((await verify({ code: totp }, await signInAs(app, email))).statusCode).toBe(401);
    expect(await auditEventsAbout(database(), userId)).toEqual(
      expect.arrayContaining(["two-factor.recovery-code-used", "two-factor.failed"]),
    );
  });
});
