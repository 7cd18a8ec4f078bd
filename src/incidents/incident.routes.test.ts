import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { inTransaction } from "../platform/context/write-context.js";
import { buildSchool, testActor } from "../test-support/builders.js";
import { buildPupil } from "../directory/test-support/directory-builders.js";
import { recordAction } from "./record-action.js";
import { buildIncident } from "./test-support/incident-builders.js";

interface ErrorBody {
  error: { id: string; message: string; fields?: { path: string; message: string }[] };
}
interface IncidentBody {
  incident: {
    id: string;
    status: string;
    summary: string;
    closed_by: string | null;
    staff_allegation: boolean;
  };
  timeline: { id: string; kind: string; body: string; data: string; corrects_entry_id: string | null }[];
  people: { kind: string; involvement: string; name: string | null }[];
}

forEachDialect("incident log over HTTP", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let base: string;
  const sessions = new Map<Role, TestSession>();
  const as = async (role: Role): Promise<TestSession> => {
    const known = sessions.get(role);
    if (known) return known;
    const session = await signInAs(app, (await buildUser(database(), { schoolId, role })).email);
    await enrolSecondFactor(session);
    sessions.set(role, session);
    return session;
  };

  beforeAll(async () => {
    app = await startTestServer(database());
    ({ schoolId } = await buildSchool(database()));
    base = `/api/v1/schools/${schoolId}/incidents`;
  });
  afterAll(() => app.close());

  describe("refusals", () => {
    it("answers 401 without a session and 403 to a teacher reading the log", async () => {
      expect((await app.inject({ url: base })).statusCode).toBe(401);
      const teacher = await as("teacher");
      const refused = await teacher.request({ url: base });
      expect(refused.statusCode).toBe(403);
      expect(refused.json<ErrorBody>().error.id).toBe("forbidden");
    });

    it("names every missing field of a concern", async () => {
      const teacher = await as("teacher");
      const bad = await teacher.request({
        method: "POST",
        url: `/api/v1/schools/${schoolId}/concerns`,
        payload: {},
      });
      expect(bad.statusCode).toBe(400);
      const paths = bad.json<ErrorBody>().error.fields?.map((field) => field.path);
      expect(paths).toEqual(expect.arrayContaining(["who", "what", "when"]));
    });

    it("refuses a date in the future, saying why", async () => {
      const teacher = await as("teacher");
      const future = new Date(Date.now() + 86_400_000).toISOString();
      const bad = await teacher.request({
        method: "POST",
        url: `/api/v1/schools/${schoolId}/concerns`,
        payload: { who: "Alex", what: "Upset after a group chat", when: future },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<ErrorBody>().error.message).toContain("when is in the future");
    });

    it("refuses an unknown type and a DSL closing an incident (only head or SIRO)", async () => {
      const dsl = await as("designated-safeguarding-lead");
      const bad = await dsl.request({
        method: "POST",
        url: base,
        payload: { type: "made-up", incidentDate: "2026-11-01", summary: "x", description: "y" },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<ErrorBody>().error.message).toContain('no incident type "made-up"');
      const created = await dsl.request({
        method: "POST",
        url: base,
        payload: {
          type: "network-misuse",
          incidentDate: "2026-11-01",
          summary: "VPN",
          description: "A VPN app",
        },
      });
      const { id } = created.json<{ id: string }>();
      const close = await dsl.request({
        method: "POST",
        url: `${base}/${id}/close`,
        payload: { outcome: "done" },
      });
      expect(close.statusCode).toBe(403);
    });
  });

  it("refuses an incident date before a pupil involved joined the school, naming the date", async () => {
    const pupilId = await buildPupil(database(), schoolId);
    const { identifier } = await database()
      .db.selectFrom("directory_identifiers")
      .select("identifier")
      .where("person_id", "=", pupilId)
      .executeTakeFirstOrThrow();
    const dsl = await as("designated-safeguarding-lead");
    const payload = (incidentDate: string) => ({
      type: "network-misuse",
      incidentDate,
      summary: "Proxy site",
      description: "Used a proxy",
      people: [{ kind: "pupil", involvement: "subject", userName: identifier }],
    });
    const early = await dsl.request({ method: "POST", url: base, payload: payload("2025-06-01") });
    expect(early.statusCode).toBe(400);
    expect(early.json<ErrorBody>().error.message).toContain(
      `before ${identifier} joined the school on 2025-09-03`,
    );
    expect(
      (await dsl.request({ method: "POST", url: base, payload: payload("2025-10-01") })).statusCode,
    ).toBe(201);
  });

  it("takes a teacher's concern in one request and puts it on the DSL's log with its chronology and audit", async () => {
    const teacher = await as("teacher");
    const reported = await teacher.request({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/concerns`,
      payload: {
        who: "Jo Bloggs",
        what: "Saw a pupil sharing a fight video",
        when: "2026-11-20T09:00:00Z",
        url: "https://video.example/x",
      },
    });
    expect(reported.statusCode).toBe(201);
    const { id } = reported.json<{ id: string }>();
    const dsl = await as("designated-safeguarding-lead");
    const list = await dsl.request({ url: `${base}?status=open&person=jo%20bloggs` });
    expect(list.json<{ incidents: { id: string }[] }>().incidents.map((row) => row.id)).toEqual([id]);
    const shown = await dsl.request({ url: `${base}/${id}` });
    const body = shown.json<IncidentBody>();
    expect(body.incident.summary).toBe("Saw a pupil sharing a fight video");
    expect(body.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "pupil", involvement: "subject", name: "Jo Bloggs" }),
      ]),
    );
    expect(body.timeline.map((entry) => entry.kind)).toEqual(["reported"]);
    expect(await auditEventsAbout(database(), id)).toEqual(["incident.created", "incident.viewed"]);
  });

  it("keeps every field change with old and new values, adds corrections as new entries, and lets the head close", async () => {
    const dsl = await as("designated-safeguarding-lead");
    const created = await dsl.request({
      method: "POST",
      url: base,
      payload: {
        type: "bullying-or-harassment",
        incidentDate: "2026-11-10T13:00:00Z",
        summary: "Name-calling in a class chat",
        description: "Messages in the class group",
        informationClassification: "protected",
        people: [
          { kind: "pupil", involvement: "subject", name: "Pat" },
          { kind: "pupil", involvement: "victim", name: "Lee" },
          { kind: "staff", involvement: "witness", name: "Mr Green" },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const changed = await dsl.request({
      method: "PATCH",
      url: `${base}/${id}`,
      payload: { immediateAction: "Messages removed", status: "in-progress", reason: "after talking to Pat" },
    });
    expect(changed.json<{ changed: string[] }>().changed).toEqual(["status", "immediateAction"]);
    const note = await dsl.request({
      method: "POST",
      url: `${base}/${id}/timeline`,
      payload: { kind: "contact", body: "Phoned Lee's mum at 3pm" },
    });
    const noteId = note.json<{ id: string }>().id;
    const correction = await dsl.request({
      method: "POST",
      url: `${base}/${id}/timeline`,
      payload: { kind: "contact", body: "It was 4pm, not 3pm", corrects: noteId },
    });
    expect(correction.json<{ kind: string }>().kind).toBe("correction");

    const head = await as("head");
    const closed = await head.request({
      method: "POST",
      url: `${base}/${id}/close`,
      payload: { outcome: "Resolved with restorative meeting" },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<{ status: string; closedBy: string }>()).toEqual(
      expect.objectContaining({ status: "closed", closedBy: expect.stringContaining("Test head") as string }),
    );
    const again = await dsl.request({
      method: "PATCH",
      url: `${base}/${id}`,
      payload: { summary: "x", reason: "late edit" },
    });
    expect(again.statusCode).toBe(409);

    const body = (await head.request({ url: `${base}/${id}` })).json<IncidentBody>();
    const fieldChange = body.timeline.find(
      (entry) => entry.kind === "field-change" && entry.body.startsWith("immediateAction"),
    );
    expect(JSON.parse(fieldChange?.data ?? "{}")).toEqual(
      expect.objectContaining({
        field: "immediateAction",
        old: null,
        new: "Messages removed",
        reason: "after talking to Pat",
      }),
    );
    expect(body.timeline.find((entry) => entry.kind === "correction")?.corrects_entry_id).toBe(noteId);
    expect(body.timeline.some((entry) => entry.body === "Phoned Lee's mum at 3pm")).toBe(true);
    expect(await auditEventsAbout(database(), id)).toEqual(
      expect.arrayContaining(["incident.created", "incident.updated", "incident.closed"]),
    );
  });

  it("shows an allegation against staff only to the head and whom the head names", async () => {
    const dsl = await as("designated-safeguarding-lead");
    const created = await dsl.request({
      method: "POST",
      url: base,
      payload: {
        type: "network-misuse",
        incidentDate: "2026-11-12",
        summary: "Staff laptop used for unsuitable sites",
        description: "Reported by IT",
        people: [{ kind: "staff", involvement: "subject", name: "A Teacher" }],
      },
    });
    const { id } = created.json<{ id: string }>();
    expect((await dsl.request({ url: `${base}/${id}` })).statusCode).toBe(404);
    expect(
      (await dsl.request({ url: base }))
        .json<{ incidents: { id: string }[] }>()
        .incidents.map((row) => row.id),
    ).not.toContain(id);
    const head = await as("head");
    expect(
      (await head.request({ url: `${base}/${id}` })).json<IncidentBody>().incident.staff_allegation,
    ).toBe(true);
    const dslUser = await database()
      .db.selectFrom("users")
      .select("id")
      .where("display_name", "=", "Test designated-safeguarding-lead")
      .execute();
    for (const user of dslUser) {
      const named = await head.request({
        method: "POST",
        url: `${base}/${id}/viewers`,
        payload: { userId: user.id },
      });
      expect(named.statusCode).toBe(201);
    }
    expect((await dsl.request({ url: `${base}/${id}` })).statusCode).toBe(200);
  });

  it("keeps an allegation's overdue actions out of other people's due list", async () => {
    const hidden = await buildIncident(database(), schoolId, {
      people: [{ kind: "staff", involvement: "subject", name: "B Teacher" }],
    });
    await inTransaction(database(), { actor: testActor, ip: null }, (ctx) =>
      recordAction(
        ctx,
        { id: hidden, school_id: schoolId },
        { kind: "task", description: "Interview B", owner: "Head", dueOn: "2026-01-01" },
      ),
    );
    const dueFor = async (role: Role) =>
      (await (await as(role)).request({ url: `/api/v1/schools/${schoolId}/incident-actions/due` }))
        .json<{ due: { incident_id: string }[] }>()
        .due.map((row) => row.incident_id);
    expect(await dueFor("designated-safeguarding-lead")).not.toContain(hidden);
    expect(await dueFor("head")).toContain(hidden);
  });
});
