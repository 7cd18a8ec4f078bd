import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { buildSchool } from "../../test-support/builders.js";
import {
  auditEventsAbout,
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../test-support/identity-builders.js";
import { startTestServer } from "../test-support/test-server.js";

forEachDialect("managing staff accounts", (database) => {
  let app: FastifyInstance;
  let oak: { organisationId: string; schoolId: string };
  let elm: { organisationId: string; schoolId: string };
  let admin: TestSession;
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    email: `new-${Math.random().toString(36).slice(2, 8)}@oak.example`,
    name: "Nia Okafor",
    password: "a sturdy passphrase for nia",
    schoolId: oak.schoolId,
    role: "teacher",
    ...overrides,
  });

  beforeAll(async () => {
    app = await startTestServer(database());
    oak = await buildSchool(database(), { name: "Oak Primary" });
    elm = await buildSchool(database(), { name: "Elm Academy" });
    admin = await signInAs(
      app,
      (await buildUser(database(), { schoolId: oak.schoolId, role: "administrator" })).email,
    );
  });
  afterAll(() => app.close());

  describe("refusals", () => {
    it("answers 401 to nobody and 403 to a teacher", async () => {
      expect(
        (await app.inject({ method: "POST", url: "/api/v1/users", payload: newUser() })).statusCode,
      ).toBe(401);
      const teacher = await signInAs(
        app,
        (await buildUser(database(), { schoolId: oak.schoolId, role: "teacher" })).email,
      );
      const response = await teacher.request({ method: "POST", url: "/api/v1/users", payload: newUser() });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { id: "forbidden" } });
    });

    it("names each invalid field, a common password included", async () => {
      const bad = newUser({ email: "nope", password: "Password1234!", role: "janitor" });
      const response = await admin.request({ method: "POST", url: "/api/v1/users", payload: bad });
      expect(response.statusCode).toBe(400);
      const fields = response.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields;
      expect(fields.map((field) => field.path)).toEqual(["email", "password", "role"]);
      expect(fields[1]?.message).toMatch(/too easy to guess/);
    });

    it("never leaves a school without an active administrator", async () => {
      const birch = await buildSchool(database(), { name: "Birch Infants" });
      const only = await buildUser(database(), { schoolId: birch.schoolId, role: "administrator" });
      const onlySession = await signInAs(app, only.email);
      const revoke = await onlySession.request({
        method: "DELETE",
        url: `/api/v1/users/${only.userId}/roles/${birch.schoolId}/administrator`,
      });
      expect(revoke.statusCode).toBe(409);
      expect(revoke.json<{ error: { message: string } }>().error.message).toMatch(
        /only active administrator .* cannot lose the administrator role/,
      );
      const disable = await onlySession.request({
        method: "POST",
        url: `/api/v1/users/${only.userId}/disable`,
      });
      expect(disable.statusCode).toBe(409);

      // With a second administrator, the first may step down.
      const second = await buildUser(database(), { schoolId: birch.schoolId, role: "administrator" });
      const stepDown = await onlySession.request({
        method: "DELETE",
        url: `/api/v1/users/${only.userId}/roles/${birch.schoolId}/administrator`,
      });
      expect(stepDown.statusCode).toBe(204);
      const secondSession = await signInAs(app, second.email);
      const lastOne = await secondSession.request({
        method: "POST",
        url: `/api/v1/users/${second.userId}/disable`,
      });
      expect(lastOne.statusCode).toBe(409);
    });

    it("keeps an administrator of one school out of another school's staff", async () => {
      const other = await buildUser(database(), { schoolId: elm.schoolId, role: "teacher" });
      const list = await admin.request({ url: `/api/v1/users?schoolId=${elm.schoolId}` });
      expect(list.statusCode).toBe(403);
      const create = await admin.request({
        method: "POST",
        url: "/api/v1/users",
        payload: newUser({ schoolId: elm.schoolId }),
      });
      expect(create.statusCode).toBe(403);
      const disable = await admin.request({ method: "POST", url: `/api/v1/users/${other.userId}/disable` });
      expect(disable.statusCode).toBe(404);
    });

    it("keeps a DSL of one school out of another school's audit log", async () => {
      const dsl = await signInAs(
        app,
        (await buildUser(database(), { schoolId: oak.schoolId, role: "designated-safeguarding-lead" })).email,
      );
      await enrolSecondFactor(dsl);
      expect((await dsl.request({ url: `/api/v1/schools/${oak.schoolId}/audit` })).statusCode).toBe(200);
      const response = await dsl.request({ url: `/api/v1/schools/${elm.schoolId}/audit` });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { id: "forbidden" } });
    });

    it("lets only someone who manages every school of the trust grant an organisation-wide role", async () => {
      const sibling = await buildSchool(database(), { organisationId: oak.organisationId });
      const target = await buildUser(database(), { schoolId: oak.schoolId, role: "teacher" });
      const url = `/api/v1/users/${target.userId}/roles/${oak.schoolId}/moderator`;
      expect((await admin.request({ method: "PUT", url })).statusCode).toBe(403);
      expect(sibling.schoolId).not.toBe(oak.schoolId);
    });
  });

  it("creates an account with its first role, audited, and the person can sign in", async () => {
    const input = newUser();
    const response = await admin.request({ method: "POST", url: "/api/v1/users", payload: input });
    expect(response.statusCode).toBe(201);
    const { id } = response.json<{ id: string }>();
    expect(await auditEventsAbout(database(), id)).toEqual(["user.created", "membership.granted"]);
    expect((await signInAs(app, input.email, input.password)).secondFactor).toBe("not-enrolled");
    const again = await admin.request({ method: "POST", url: "/api/v1/users", payload: input });
    expect(again.statusCode).toBe(409);
  });

  it("lists a school's staff with their roles", async () => {
    const response = await admin.request({ url: `/api/v1/users?schoolId=${oak.schoolId}` });
    expect(response.statusCode).toBe(200);
    const { users } = response.json<{ users: { roles: { schoolId: string }[] }[] }>();
    expect(users.length).toBeGreaterThan(1);
    expect(users.every((user) => user.roles.every((role) => role.schoolId === oak.schoolId))).toBe(true);
  });

  it("grants and revokes a role, audited, effective on the next request", async () => {
    const target = await buildUser(database(), { schoolId: oak.schoolId, role: "teacher" });
    const url = `/api/v1/users/${target.userId}/roles/${oak.schoolId}/governor`;
    expect((await admin.request({ method: "PUT", url })).json()).toEqual({ granted: true });
    const session = await signInAs(app, target.email);
    const roles = async () =>
      (await session.request({ url: "/api/v1/me" })).json<{ schools: { roles: string[] }[] }>().schools[0]
        ?.roles;
    expect(await roles()).toEqual(["governor", "teacher"]);
    expect((await admin.request({ method: "DELETE", url })).statusCode).toBe(204);
    expect(await roles()).toEqual(["teacher"]);
    expect(await auditEventsAbout(database(), target.userId)).toEqual(
      expect.arrayContaining(["membership.granted", "membership.revoked"]),
    );
  });

  it("unlocks a locked account and disables another, ending its sessions, both audited", async () => {
    const locked = await buildUser(database(), { schoolId: oak.schoolId, role: "teacher" });
    await database()
      .db.updateTable("users")
      .set({ locked_at: new Date().toISOString(), failed_sign_ins: 5 })
      .where("id", "=", locked.userId)
      .execute();
    const unlock = await admin.request({ method: "POST", url: `/api/v1/users/${locked.userId}/unlock` });
    expect(unlock.json()).toEqual({ wasLocked: true });
    await signInAs(app, locked.email);
    const leaver = await signInAs(
      app,
      (await buildUser(database(), { schoolId: oak.schoolId, role: "teacher" })).email,
    );
    const leaverId = (await leaver.request({ url: "/api/v1/me" })).json<{ user: { id: string } }>().user.id;
    expect(
      (await admin.request({ method: "POST", url: `/api/v1/users/${leaverId}/disable` })).json(),
    ).toEqual({ disabled: true });
    expect((await leaver.request({ url: "/api/v1/me" })).statusCode).toBe(401);
    expect(await auditEventsAbout(database(), locked.userId)).toContain("user.unlocked");
    expect(await auditEventsAbout(database(), leaverId)).toContain("user.disabled");
  });
});
