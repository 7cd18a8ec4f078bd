import { expect, it } from "vitest";
import { findAlerts } from "../../alerts/alert.repository.js";
import type { AlertExplanation } from "../../alerts/alert-signal.js";
import { EventSchema } from "../../contracts/event.contract.js";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { scopeOf } from "../../schools/school-scope.js";
import { importDirectory } from "../../directory/import-directory.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { buildSchool, testActor } from "../../test-support/builders.js";
import { LocalEventQueue } from "../events/event-queue.js";
import { rowOfApiEvent } from "../events/event-row.js";
import { EventWriter } from "../events/event-writer.js";
import { buildEvent } from "../test-support/capture-builders.js";
import { PipelineWorker } from "./pipeline-worker.js";

forEachDialect("detection pipeline", (database) => {
  const store = async (schoolId: string, ...events: Record<string, unknown>[]) => {
    const writer = new EventWriter(database());
    await writer.write(
      events.map((event) => rowOfApiEvent(schoolId, EventSchema.parse(event), new Date().toISOString())),
    );
    await writer.close();
  };
  const pipeline = () => new PipelineWorker(database(), new LocalEventQueue(database()));

  it("leaves ordinary events without alerts, and marks them processed", async () => {
    const { schoolId } = await buildSchool(database());
    await store(schoolId, buildEvent({ text: "what time is the maths test" }));
    expect(await pipeline().drain()).toEqual({ processed: 1, alertsCreated: 0, alertsGrouped: 0 });
    expect(await findAlerts(database().db, scopeOf([schoolId]))).toEqual([]);
    const waiting = await database()
      .db.selectFrom("events")
      .select("id")
      .where("processed_at", "is", null)
      .execute();
    expect(waiting).toEqual([]);
  });

  it("raises nothing for a pupil who has left the school (the directory says so)", async () => {
    const { schoolId } = await buildSchool(database());
    const pupil = {
      externalId: "username:pupil.one@oak.example",
      givenName: "Pat",
      familyName: "Leaver",
      identifiers: [{ identifier: "pupil.one@oak.example", kind: "username" as const }],
      orgIds: undefined,
      leftOn: null as string | null,
      source: { file: "pupils.csv", line: 2 },
      yearGroup: "11",
      form: "11B",
      sen: false,
      eal: false,
      joinedOn: "2020-09-03",
    };
    // On roll first, then the next import says they left.
    for (const leftOn of [null, "2025-01-31"]) {
      await inTransaction(database(), { actor: testActor, ip: null }, (ctx) =>
        importDirectory(ctx, schoolId, {
          format: "csv",
          full: false,
          orgs: [],
          ignored: 0,
          staff: [],
          devices: [],
          pupils: [{ ...pupil, leftOn }],
        }),
      );
    }
    await store(schoolId, buildEvent({ text: "i want to kill myself" }));
    await store(schoolId, buildEvent({ text: "i want to kill myself", user: "still.here@oak.example" }));
    expect(await pipeline().drain()).toMatchObject({ processed: 2, alertsCreated: 1 });
    const alerts = await findAlerts(database().db, scopeOf([schoolId]));
    expect(alerts.map((alert) => alert.user_name)).toEqual(["still.here@oak.example"]);
  });

  it("turns a concerning typed text into one alert, and a repeat into count 2", async () => {
    const { schoolId } = await buildSchool(database());
    const padding = "nothing to see here. ".repeat(40);
    const text = `${padding}honestly i want to kill myself. ${padding}`;
    await store(schoolId, buildEvent({ text, time: "2025-03-05T10:00:00Z" }));
    expect(await pipeline().drain()).toMatchObject({ processed: 1, alertsCreated: 1 });
    await store(schoolId, buildEvent({ text: "i want to kill myself", time: "2025-03-05T10:20:00Z" }));
    expect(await pipeline().drain()).toMatchObject({ processed: 1, alertsCreated: 0, alertsGrouped: 1 });

    const [alert, ...others] = await findAlerts(database().db, scopeOf([schoolId]));
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      status: "new",
      severity: 4,
      count: 2,
      user_name: "pupil.one@oak.example",
      first_seen: "2025-03-05T10:00:00.000Z",
      last_seen: "2025-03-05T10:20:00.000Z",
    });
    expect(JSON.parse(alert?.categories ?? "")).toEqual(["self-harm"]);
    const explanation = JSON.parse(alert?.explanation ?? "") as {
      matches: { ruleId: string; text: string }[];
    };
    expect(explanation.matches).toEqual([
      expect.objectContaining({ ruleId: "en.self-harm.kill-myself", text: "kill myself" }),
    ]);
    expect(alert?.evidence).toContain("kill myself");
    expect(alert?.evidence?.length).toBeLessThanOrEqual(302);
    expect(alert?.created_by).toMatch(/^detection pipeline \(library /);
  });

  it("groups repeats that arrive in one batch, and starts a new alert after the window", async () => {
    const { schoolId } = await buildSchool(database());
    const repeat = (time: string) => buildEvent({ text: "i want to kill myself", user: "burst", time });
    await store(
      schoolId,
      repeat("2025-03-05T09:00:00Z"),
      repeat("2025-03-05T09:01:00Z"),
      repeat("2025-03-05T09:02:00Z"),
      repeat("2025-03-05T14:00:00Z"),
    );
    expect(await pipeline().drain()).toMatchObject({ processed: 4, alertsCreated: 2, alertsGrouped: 2 });
    const counts = (await findAlerts(database().db, scopeOf([schoolId]))).map((alert) => alert.count);
    expect(counts).toEqual([1, 3]);
  });

  it("alerts on a search query read from a visited URL, and on a proxy site", async () => {
    const { schoolId } = await buildSchool(database());
    await store(
      schoolId,
      buildEvent({
        kind: "web-visit",
        url: "https://www.google.com/search?q=where+can+i+buy+weed",
        text: undefined,
      }),
      buildEvent({
        kind: "web-visit",
        url: "https://www.bbc.co.uk/news",
        text: undefined,
        user: "pupil.two",
      }),
      buildEvent({ kind: "web-visit", url: "http://abcproxy.com/", text: undefined, user: "pupil.three" }),
    );
    await pipeline().drain();
    const alerts = await findAlerts(database().db, scopeOf([schoolId]));
    const byUser = new Map(
      alerts.map((alert) => [alert.user_name, JSON.parse(alert.explanation) as AlertExplanation]),
    );
    expect([...byUser.keys()].sort()).toEqual(["pupil.one@oak.example", "pupil.three"]);
    const search = byUser.get("pupil.one@oak.example");
    expect(search?.matches.map((match) => match.ruleId)).toContain("en.drugs.buy-weed");
    const proxy = byUser.get("pupil.three")?.url.find((hit) => hit.list === "redirector");
    expect(proxy).toMatchObject({ category: "proxy-hacking", avoidance: "proxy" });
  });

  it("does not process an event twice when two workers race", async () => {
    const { schoolId } = await buildSchool(database());
    await store(schoolId, buildEvent({ text: "i want to kill myself", user: "racer" }));
    const [first, second] = await Promise.all([pipeline().processBatch(), pipeline().processBatch()]);
    expect(first.processed + second.processed).toBe(1);
    const [alert] = await findAlerts(database().db, scopeOf([schoolId]));
    expect(alert?.count).toBe(1);
  });
});
