import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import {
  auditEventsAbout,
  buildUser,
  enrolSecondFactor,
  signInAs,
  type TestSession,
} from "../identity/test-support/identity-builders.js";
import { startTestServer } from "../identity/test-support/test-server.js";
import { verifyAuditChains } from "../platform/audit/verify-audit-chains.js";
import { buildSchool } from "../test-support/builders.js";
import type { AlertDetail, AlertQueuePage, AlertBulkResult } from "../contracts/alert.contract.js";
import { buildAlert } from "./test-support/alert-builders.js";

forEachDialect("alert triage over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let dsl: TestSession;
  let dslId: string;

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    const user = await buildUser(database(), { schoolId, role: "designated-safeguarding-lead" });
    dslId = user.userId;
    dsl = await signInAs(app, user.email);
    await enrolSecondFactor(dsl);
  });
  afterAll(() => app.close());

  describe("refusals", () => {
    it("answers 401 without a session and 403 to a teacher", async () => {
      const alertId = await buildAlert(database(), schoolId);
      expect((await app.inject({ url: `/api/v1/schools/${schoolId}/alerts` })).statusCode).toBe(401);
      expect((await app.inject({ url: `/api/v1/alerts/${alertId}` })).statusCode).toBe(401);
      const teacher = await signInAs(app, (await buildUser(database(), { schoolId, role: "teacher" })).email);
      expect((await teacher.request({ url: `/api/v1/schools/${schoolId}/alerts` })).statusCode).toBe(403);
      const triage = await teacher.request({
        method: "POST",
        url: `/api/v1/alerts/${alertId}/triage`,
        payload: { status: "in-review" },
      });
      expect(triage.statusCode).toBe(403);
    });

    it("names the field that is wrong", async () => {
      const bad = await dsl.request({
        url: `/api/v1/schools/${schoolId}/alerts?minSeverity=9&status=closed`,
      });
      expect(bad.statusCode).toBe(400);
      const paths = bad
        .json<{ error: { fields: { path: string }[] } }>()
        .error.fields.map((field) => field.path);
      expect(paths).toEqual(expect.arrayContaining(["minSeverity", "status[0]"]));
      const alertId = await buildAlert(database(), schoolId);
      const triage = await dsl.request({
        method: "POST",
        url: `/api/v1/alerts/${alertId}/triage`,
        payload: { status: "done" },
      });
      expect(triage.statusCode).toBe(400);
      expect(triage.json<{ error: { message: string } }>().error.message).toContain("status must be one of");
      const cursor = await dsl.request({ url: `/api/v1/schools/${schoolId}/alerts?cursor=nonsense` });
      expect(cursor.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path).toBe("cursor");
    });

    it("does not show another school's alert", async () => {
      const other = await buildSchool(database());
      const alertId = await buildAlert(database(), other.schoolId);
      expect((await dsl.request({ url: `/api/v1/alerts/${alertId}` })).statusCode).toBe(404);
      const triage = await dsl.request({
        method: "POST",
        url: `/api/v1/alerts/${alertId}/triage`,
        payload: { status: "in-review" },
      });
      expect(triage.statusCode).toBe(404);
    });
  });

  it("moves an alert through review, dismissal and reopening, refusing a jump, with the history", async () => {
    const alertId = await buildAlert(database(), schoolId);
    const triage = (status: string, note?: string) =>
      dsl.request({ method: "POST", url: `/api/v1/alerts/${alertId}/triage`, payload: { status, note } });
    const first = await triage("in-review", "looking into it");
    expect(first.json()).toEqual({ id: alertId, from: "new", to: "in-review" });
    expect((await triage("false-positive", "quoting a song")).statusCode).toBe(200);
    const jump = await triage("no-action");
    expect(jump.statusCode).toBe(409);
    expect(jump.json<{ error: { message: string } }>().error.message).toContain(
      "only be reopened as in-review",
    );
    expect((await triage("incident")).statusCode).toBe(409);
    expect((await triage("in-review", "second look")).statusCode).toBe(200);

    const detail = (await dsl.request({ url: `/api/v1/alerts/${alertId}` })).json<AlertDetail>();
    expect(detail.status).toBe("in-review");
    expect(detail.acknowledgedAt).not.toBeNull();
    expect(detail.history.map((entry) => `${entry.fromStatus}→${entry.toStatus}`)).toEqual([
      "new→in-review",
      "in-review→false-positive",
      "false-positive→in-review",
    ]);
    expect(detail.history[1]?.note).toBe("quoting a song");
    expect(detail.abilities.transitions).toEqual(["false-positive", "no-action"]);
    const span = detail.evidence?.spans[0];
    expect(span && detail.evidence?.text.slice(span.start, span.end)).toBe("kill myself");
    expect(detail.explanation[0]).toContain('The words "kill myself" matched rule en.self-harm.kill-myself');
    expect(await auditEventsAbout(database(), alertId)).toEqual([
      "alert.triaged",
      "alert.triaged",
      "alert.triaged",
      "alert.viewed",
    ]);
    expect((await verifyAuditChains(database().db)).problems).toEqual([]);
  });

  it("assigns only to staff who may act on alerts, and assigning acknowledges", async () => {
    const alertId = await buildAlert(database(), schoolId);
    const teacher = await buildUser(database(), { schoolId, role: "teacher" });
    const refused = await dsl.request({
      method: "POST",
      url: `/api/v1/alerts/${alertId}/assign`,
      payload: { assigneeId: teacher.userId },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { fields: { path: string }[] } }>().error.fields[0]?.path).toBe(
      "assigneeId",
    );
    const deputy = await buildUser(database(), { schoolId, role: "deputy-safeguarding-lead" });
    const assigned = await dsl.request({
      method: "POST",
      url: `/api/v1/alerts/${alertId}/assign`,
      payload: { assigneeId: deputy.userId },
    });
    expect(assigned.statusCode).toBe(200);
    const note = await dsl.request({
      method: "POST",
      url: `/api/v1/alerts/${alertId}/notes`,
      payload: { note: "form tutor informed" },
    });
    expect(note.statusCode).toBe(201);
    const detail = (await dsl.request({ url: `/api/v1/alerts/${alertId}` })).json<AlertDetail>();
    expect(detail.status).toBe("in-review");
    expect(detail.assigneeId).toBe(deputy.userId);
    expect(detail.history.map((entry) => entry.action)).toEqual(["triaged", "assigned", "noted"]);
    const mine = (
      await dsl.request({ url: `/api/v1/schools/${schoolId}/alerts?assignee=${deputy.userId}` })
    ).json<AlertQueuePage>();
    expect(mine.alerts.map((alert) => alert.id)).toEqual([alertId]);
  });

  it("filters the queue and pages it by keyset without gaps or repeats", async () => {
    const { schoolId: queueSchool } = await buildSchool(database());
    await buildUser(database(), { schoolId, role: "teacher" });
    const session = await signInAs(
      app,
      (
        await buildUser(database(), {
          schoolId: queueSchool,
          role: "online-safety-coordinator",
        })
      ).email,
    );
    await enrolSecondFactor(session);
    const base = Date.parse("2026-11-01T09:00:00Z");
    const ids: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      ids.push(
        await buildAlert(database(), queueSchool, {
          time: new Date(base + index * 60_000).toISOString(),
          severity: (index % 5) + 1,
          categories: index % 2 === 0 ? ["self-harm"] : ["bullying"],
        }),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const page: AlertQueuePage = (
        await session.request({ url: `/api/v1/schools/${queueSchool}/alerts?${query}` })
      ).json<AlertQueuePage>();
      seen.push(...page.alerts.map((alert) => alert.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const severe = (
      await session.request({ url: `/api/v1/schools/${queueSchool}/alerts?minSeverity=4&sort=severity` })
    ).json<AlertQueuePage>();
    expect(severe.alerts.map((alert) => alert.severity)).toEqual([5, 4]);
    const bullying = (
      await session.request({ url: `/api/v1/schools/${queueSchool}/alerts?category=bullying&status=new` })
    ).json<AlertQueuePage>();
    expect(bullying.alerts).toHaveLength(3);
    const old = (
      await session.request({ url: `/api/v1/schools/${queueSchool}/alerts?olderThanMinutes=1` })
    ).json<AlertQueuePage>();
    expect(old.alerts).toHaveLength(7);
  });

  it("applies a bulk action per id and reports what happened to each", async () => {
    const fresh = await buildAlert(database(), schoolId);
    const already = await buildAlert(database(), schoolId);
    const raised = await buildAlert(database(), schoolId);
    await database()
      .db.updateTable("alerts")
      .set({ status: "no-action" })
      .where("id", "=", already)
      .execute();
    await database().db.updateTable("alerts").set({ status: "incident" }).where("id", "=", raised).execute();
    const otherSchool = await buildAlert(database(), (await buildSchool(database())).schoolId);
    const response = await dsl.request({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/alerts/bulk`,
      payload: {
        alertIds: [fresh, already, raised, otherSchool],
        action: { kind: "triage", status: "no-action" },
      },
    });
    expect(response.statusCode).toBe(200);
    const results = response.json<AlertBulkResult>().results;
    expect(results.map((result) => result.outcome)).toEqual(["done", "unchanged", "refused", "not-found"]);
    expect(results[2]?.reason).toContain("incident");
    const assign = await dsl.request({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/alerts/bulk`,
      payload: { alertIds: [fresh], action: { kind: "assign", assigneeId: dslId } },
    });
    expect(assign.json<AlertBulkResult>().results[0]?.outcome).toBe("done");
  });
});
