import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventLimits, type EventBatchResponse } from "../../contracts/event.contract.js";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { loadConfig } from "../../platform/config/load-config.js";
import { createServer } from "../../platform/http/create-server.js";
import { markSetupComplete } from "../../setup/setup-state.js";
import { buildSchool } from "../../test-support/builders.js";
import { buildEvent, buildIngestKey } from "../test-support/capture-builders.js";

forEachDialect("event API", (database) => {
  let app: FastifyInstance;
  let schoolId: string;
  let key: string;
  const post = (payload: unknown, secret: string | null = key) =>
    app.inject({
      method: "POST",
      url: "/api/v1/events",
      payload: payload as Record<string, unknown>,
      headers: secret === null ? {} : { authorization: `Bearer ${secret}` },
    });
  const storedCount = async () =>
    Number(
      (
        await database()
          .db.selectFrom("events")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("school_id", "=", schoolId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    await markSetupComplete(database().db);
    schoolId = (await buildSchool(database())).schoolId;
    key = (await buildIngestKey(database(), schoolId)).secret;
    app = await createServer({ config: { ...loadConfig({}), logLevel: "silent" }, database: database() });
  });
  afterAll(() => app.close());

  describe("refusals", () => {
    it("answers 401 without a key and with an unknown key", async () => {
      const missing = await post({ events: [buildEvent()] }, null);
      expect(missing.statusCode).toBe(401);
      expect(missing.json()).toMatchObject({ error: { id: "unauthenticated" } });
      const unknown = await post({ events: [buildEvent()] }, "vik_not-a-real-key");
      expect(unknown.statusCode).toBe(401);
      expect(await storedCount()).toBe(0);
    });

    it("answers 403 with a revoked key", async () => {
      const revoked = await buildIngestKey(database(), schoolId, { revoked: true });
      const response = await post({ events: [buildEvent()] }, revoked.secret);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { id: "ingest_key_revoked" } });
    });

    it("answers 413 for more than the batch limit of events, and for a body over 5 MB", async () => {
      const many = Array.from({ length: eventLimits.batchMaxEvents + 1 }, () => buildEvent());
      const tooMany = await post({ events: many });
      expect(tooMany.statusCode).toBe(413);
      expect(tooMany.json()).toMatchObject({ error: { id: "payload_too_large" } });
      const big = { events: [buildEvent({ text: "x".repeat(eventLimits.batchMaxBytes) })] };
      const tooBig = await post(big);
      expect(tooBig.statusCode).toBe(413);
      expect(await storedCount()).toBe(0);
    });

    it("refuses a body that is not a batch, naming the field", async () => {
      const response = await post({ items: [] });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { fields: [{ path: "events" }] } });
    });

    it("rejects bad items by index and field, and still stores the good ones", async () => {
      const good = buildEvent();
      const response = await post({
        events: [
          good,
          buildEvent({ time: "yesterday" }),
          buildEvent({ kind: "telepathy" }),
          buildEvent({ user: undefined, device: undefined }),
          buildEvent({ kind: "web-visit", url: "https://example.com/", action: "maybe" }),
        ],
      });
      expect(response.statusCode).toBe(200);
      const body: EventBatchResponse = response.json();
      expect(body).toMatchObject({ accepted: 1, duplicate: 0, rejected: 4 });
      const errors = body.results.map((result) => (result.status === "rejected" ? result.errors : []));
      expect(errors[1]).toEqual([expect.stringMatching(/^events\[1\]\.time: time must be an ISO 8601/)]);
      expect(errors[2]).toEqual([expect.stringMatching(/^events\[2\]\.kind: kind must be one of/)]);
      expect(errors[3]).toEqual(["events[3].user: an event needs a user, a device, or both"]);
      expect(errors[4]).toEqual([expect.stringMatching(/^events\[4\]\.action: /)]);
      expect(await storedCount()).toBe(1);
    });
  });

  it("stores a batch once however often it is sent, answering per item", async () => {
    const before = await storedCount();
    const events = [
      buildEvent(),
      buildEvent({ kind: "web-visit", url: "https://www.bbc.co.uk/news", action: "allowed", status: 200 }),
      buildEvent({ kind: "search", engine: "google", query: "volcano facts" }),
      buildEvent({ kind: "window-title", title: "Homework - Docs", device: "PC-1", user: undefined }),
      buildEvent({ kind: "screenshot", sha256: "a".repeat(64), width: 1280, height: 720 }),
    ];
    const first: EventBatchResponse = (await post({ events })).json();
    expect(first).toMatchObject({ accepted: 5, duplicate: 0, rejected: 0 });
    const again: EventBatchResponse = (await post({ events })).json();
    expect(again).toMatchObject({ accepted: 0, duplicate: 5, rejected: 0 });
    expect(again.results.map((result) => result.status)).toEqual(Array(5).fill("duplicate"));
    expect(await storedCount()).toBe(before + 5);
    const visit = await database()
      .db.selectFrom("events")
      .selectAll()
      .where("sender_id", "=", String(events[1]?.id))
      .executeTakeFirstOrThrow();
    expect(visit).toMatchObject({
      kind: "web-visit",
      host: "www.bbc.co.uk",
      action: "allowed",
      processed_at: null,
    });
  });

  it("counts a repeated id inside one batch as a duplicate", async () => {
    const event = buildEvent();
    const body: EventBatchResponse = (await post({ events: [event, event] })).json();
    expect(body.results.map((result) => result.status)).toEqual(["accepted", "duplicate"]);
  });

  it("shares one commit between concurrent senders and answers each", async () => {
    const before = await storedCount();
    const batches = Array.from({ length: 8 }, () => Array.from({ length: 50 }, () => buildEvent()));
    const answers = await Promise.all(batches.map((events) => post({ events })));
    for (const answer of answers) expect(answer.json()).toMatchObject({ accepted: 50 });
    expect(await storedCount()).toBe(before + 400);
  });

  it("records the key's last use", async () => {
    const row = await database()
      .db.selectFrom("ingest_keys")
      .select("last_used_at")
      .where("school_id", "=", schoolId)
      .where("revoked_at", "is", null)
      .executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
  });

  it("answers 429 with Retry-After when detection is behind, storing nothing", async () => {
    const limited = await createServer({
      config: { ...loadConfig({}), logLevel: "silent", eventQueueLimit: 1 },
      database: database(),
    });
    try {
      const before = await storedCount();
      const response = await limited.inject({
        method: "POST",
        url: "/api/v1/events",
        payload: { events: [buildEvent()] },
        headers: { authorization: `Bearer ${key}` },
      });
      expect(response.statusCode).toBe(429);
      expect(response.headers["retry-after"]).toBe("5");
      expect(response.json()).toMatchObject({ error: { id: "too_many_requests" } });
      expect(await storedCount()).toBe(before);
    } finally {
      await limited.close();
    }
  });
});
