import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import type { Role } from "../identity/roles.js";
import {
  auditEventsAbout,
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../identity/test-support/identity-builders.js";
import { startTestServer } from "../identity/test-support/test-server.js";
import { buildIncident } from "../incidents/test-support/incident-builders.js";
import { inTransaction } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { buildSchool, testActor } from "../test-support/builders.js";
import { holdMonitoring, isMonitoringHeld, releaseMonitoringHold } from "./monitoring-holds.js";

interface ErrorBody {
  error: { id: string; message: string; fields?: { path: string; message: string }[] };
}
interface HoldBody {
  id: string;
  incident_id: string;
  released_at: string | null;
  released_by: string | null;
  release_reason: string | null;
}

forEachDialect("releasing a monitoring hold", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let holdsUrl: string;
  const sessions = new Map<Role, TestSession>();
  const as = async (role: Role): Promise<TestSession> => {
    const known = sessions.get(role);
    if (known) return known;
    const session = await signInAs(app, (await buildUser(database(), { schoolId, role })).email);
    await enrolSecondFactor(session);
    sessions.set(role, session);
    return session;
  };
  /** An incident (optionally an allegation against staff) with a hold on its device and user. */
  const heldIncident = async (device: string, staff = false) => {
    const incidentId = await buildIncident(database(), schoolId, {
      device,
      ...(staff ? { people: [{ kind: "staff", involvement: "subject", name: "A Teacher" }] } : {}),
    });
    const hold = await inTransaction(database(), { actor: testActor, ip: null }, (ctx) =>
      holdMonitoring(ctx, {
        schoolId,
        device,
        userName: staff ? null : "spupil",
        incidentId,
        reason: "held for a police investigation (suspected CSAM)",
      }),
    );
    return { incidentId, holdId: hold.id };
  };
  const release = (session: TestSession, holdId: string, payload: unknown) =>
    session.request({ method: "POST", url: `${holdsUrl}/${holdId}/release`, payload: payload as object });
  const listed = async (session: TestSession, query = "") =>
    (await session.request({ url: `${holdsUrl}${query}` })).json<{ holds: HoldBody[] }>().holds;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "vigil-holds-"));
    app = await startTestServer(database(), { dataDir, evidenceKeyFile: join(dataDir, "evidence.key") });
    ({ schoolId } = await buildSchool(database()));
    holdsUrl = `/api/v1/schools/${schoolId}/monitoring-holds`;
  });
  afterAll(() => app.close());

  it("refuses a reader, a missing reason, an unknown hold; releases once, and says when and by whom after", async () => {
    const { incidentId, holdId } = await heldIncident("LAPTOP-H1");
    const dsl = await as("designated-safeguarding-lead");

    // The head reads the incident log but does not manage incidents.
    const byHead = await release(await as("head"), holdId, { reason: "investigation closed" });
    expect(byHead.statusCode).toBe(403);
    expect(byHead.json<ErrorBody>().error.id).toBe("forbidden");

    for (const payload of [{}, { reason: "  " }]) {
      const missing = await release(dsl, holdId, payload);
      expect(missing.statusCode).toBe(400);
      expect(missing.json<ErrorBody>().error.fields?.map((field) => field.path)).toEqual(["reason"]);
      expect(missing.json<ErrorBody>().error.message).toContain("reason");
    }
    expect((await release(dsl, "not-a-uuid", { reason: "done" })).statusCode).toBe(400);
    const unknown = await release(dsl, randomUUID(), { reason: "police finished" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorBody>().error.id).toBe("not_found");
    expect(await isMonitoringHeld(database().db, schoolId, { device: "LAPTOP-H1" })).toBe(true);

    const released = await release(dsl, holdId, { reason: "  Police closed case MET-123; device returned " });
    expect(released.statusCode).toBe(200);
    const { hold } = released.json<{ hold: HoldBody }>();
    expect(hold).toMatchObject({
      id: holdId,
      release_reason: "Police closed case MET-123; device returned",
      released_by: expect.stringContaining("Test designated-safeguarding-lead") as unknown,
    });
    expect(Date.parse(hold.released_at ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(await isMonitoringHeld(database().db, schoolId, { device: "LAPTOP-H1" })).toBe(false);
    expect(await isMonitoringHeld(database().db, schoolId, { userName: "spupil" })).toBe(false);

    const again = await release(dsl, holdId, { reason: "twice" });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.message).toContain(`already released on ${hold.released_at ?? ""}`);
    expect(again.json<ErrorBody>().error.message).toContain("Test designated-safeguarding-lead");

    expect(await auditEventsAbout(database(), holdId)).toEqual(["monitoring.held", "monitoring.released"]);
    const entries = await database()
      .db.selectFrom("incident_timeline")
      .select("body")
      .where("incident_id", "=", incidentId)
      .execute();
    expect(entries.map((entry) => entry.body)).toContain(
      "Monitoring hold on device LAPTOP-H1 and user spupil released: Police closed case MET-123; device returned",
    );
  });

  it("lists holds in force, or with ?include=released also released ones, for one incident if asked", async () => {
    const dsl = await as("designated-safeguarding-lead");
    const inForce = await heldIncident("LAPTOP-L1");
    const ended = await heldIncident("LAPTOP-L2");
    expect((await release(dsl, ended.holdId, { reason: "case closed" })).statusCode).toBe(200);

    const ids = (holds: HoldBody[]) => holds.map((hold) => hold.id);
    expect(ids(await listed(dsl))).toContain(inForce.holdId);
    expect(ids(await listed(dsl))).not.toContain(ended.holdId);
    const all = await listed(dsl, "?include=released");
    expect(ids(all)).toEqual(expect.arrayContaining([inForce.holdId, ended.holdId]));
    expect(all.find((hold) => hold.id === ended.holdId)?.release_reason).toBe("case closed");
    expect(ids(await listed(dsl, `?include=released&incidentId=${ended.incidentId}`))).toEqual([
      ended.holdId,
    ]);
    expect(ids(await listed(dsl, `?incidentId=${ended.incidentId}`))).toEqual([]);
    const bad = await dsl.request({ url: `${holdsUrl}?include=everything` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields?.map((field) => field.path)).toEqual(["include"]);
  });

  it("hides a hold placed for an allegation against staff until the head names the lead", async () => {
    const dsl = await as("designated-safeguarding-lead");
    const { incidentId, holdId } = await heldIncident("STAFF-LAPTOP-1", true);
    expect((await listed(dsl)).map((hold) => hold.id)).not.toContain(holdId);
    const hidden = await release(dsl, holdId, { reason: "allegation unfounded" });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<ErrorBody>().error.id).toBe("not_found");

    const head = await as("head");
    expect((await listed(head)).map((hold) => hold.id)).toContain(holdId);
    const { id: userId } = await database()
      .db.selectFrom("users")
      .select("id")
      .where("display_name", "=", "Test designated-safeguarding-lead")
      .executeTakeFirstOrThrow();
    const named = await head.request({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/incidents/${incidentId}/viewers`,
      payload: { userId },
    });
    expect(named.statusCode).toBe(201);
    expect((await release(dsl, holdId, { reason: "allegation unfounded" })).statusCode).toBe(200);
  });

  it("as a command: checks the reason itself and keeps to the school it is given", async () => {
    const { holdId } = await heldIncident("LAPTOP-D1");
    const other = await buildSchool(database());
    const operator = { kind: "operator" } as const;
    const attempt = (school: string, reason: string) =>
      inTransaction(database(), { actor: testActor, ip: null }, (ctx) =>
        releaseMonitoringHold(ctx, operator, { schoolId: school, holdId, reason }),
      );
    const empty = await attempt(schoolId, "").catch((error: unknown) => error);
    expect(empty).toBeInstanceOf(AppError);
    expect((empty as AppError).id).toBe("validation_failed");
    expect((empty as AppError).details.fields?.map((field) => field.path)).toEqual(["reason"]);
    const elsewhere = await attempt(other.schoolId, "wrong school").catch((error: unknown) => error);
    expect((elsewhere as AppError).id).toBe("not_found");
    expect(await isMonitoringHeld(database().db, schoolId, { device: "LAPTOP-D1" })).toBe(true);
    const released = await attempt(schoolId, "investigation over");
    expect(released).toMatchObject({ released_by: "test", release_reason: "investigation over" });
  });
});
