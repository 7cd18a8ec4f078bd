import { describe, expect, it } from "vitest";
import type { IpAssignmentInput } from "../../contracts/ip-assignment.contract.js";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { buildSchool, testActor } from "../../test-support/builders.js";
import { LocalEventQueue } from "../events/event-queue.js";
import { rowOfLogEvent } from "../events/event-row.js";
import { insertEvents } from "../events/insert-events.js";
import { PipelineWorker } from "../pipeline/pipeline-worker.js";
import { attributeEvent } from "./attribute-event.js";
import { attributeUnattributedEvents } from "./attribute-unattributed-events.js";
import { recordIpAssignments } from "./record-ip-assignments.js";

forEachDialect("attribution by IP address", (database) => {
  let sent = 0;
  /** Stores a proxy-log visit from `ip` at `time`, as `vigil ingest` would; returns its id. */
  const storeVisit = async (schoolId: string, ip: string, time: string, user?: string) => {
    const event = {
      kind: "web-visit" as const,
      time,
      action: "allowed" as const,
      clientIp: ip,
      url: "https://www.example.com/",
      ...(user === undefined ? {} : { user }),
    };
    const row = rowOfLogEvent(schoolId, "squid", `line-${++sent}`, event, new Date().toISOString());
    await database()
      .db.transaction()
      .execute((trx) => insertEvents(trx, database(), [row]));
    return row.id;
  };
  const record = (schoolId: string, rows: IpAssignmentInput[]) =>
    inTransaction(database(), { actor: testActor, ip: null }, (ctx) =>
      recordIpAssignments(ctx, schoolId, rows),
    );
  const subjectOf = (id: string) =>
    database()
      .db.selectFrom("events")
      .select(["user_name", "device", "ip"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const drain = () => new PipelineWorker(database(), new LocalEventQueue(database())).drain();
  const lease = { ip: "10.0.0.5", device: "LAPTOP-07", user: "pupil.one", source: "dhcp" } as const;

  describe("refusals", () => {
    it("refuses a bad row by index and field, and stores nothing, audit included", async () => {
      const { schoolId } = await buildSchool(database());
      const good = { ...lease, startsAt: "2025-03-05T08:00:00Z" };
      await expect(
        record(schoolId, [
          good,
          { ...good, ip: "10.0.0.999" },
          { ...good, endsAt: "2025-03-05T07:00:00Z" },
          { ip: "10.0.0.6", startsAt: "2025-03-05T08:00:00Z" },
        ]),
      ).rejects.toMatchObject({
        id: "validation_failed",
        details: {
          fields: [
            { path: "[1].ip", message: "ip must be an IPv4 or IPv6 address" },
            { path: "[2].endsAt", message: "endsAt must be after startsAt" },
            { path: "[3].user", message: "an assignment needs a device, a user, or both" },
          ],
        },
      });
      const stored = await database()
        .db.selectFrom("ip_assignments")
        .select("id")
        .where("school_id", "=", schoolId)
        .execute();
      expect(stored).toEqual([]);
      const audited = await database()
        .db.selectFrom("audit_records")
        .select("seq")
        .where("school_id", "=", schoolId)
        .where("event", "=", "attribution.imported")
        .execute();
      expect(audited).toEqual([]);
    });
  });

  it("attributes an event inside a lease window and not one outside it, keeping the IP", async () => {
    const { schoolId } = await buildSchool(database());
    await record(schoolId, [{ ...lease, startsAt: "2025-03-05T08:00:00Z", endsAt: "2025-03-05T12:00:00Z" }]);
    const inside = await storeVisit(schoolId, "10.0.0.5", "2025-03-05T10:00:00.000Z");
    const before = await storeVisit(schoolId, "10.0.0.5", "2025-03-05T07:59:59.000Z");
    const atEnd = await storeVisit(schoolId, "10.0.0.5", "2025-03-05T12:00:00.000Z");
    const otherIp = await storeVisit(schoolId, "10.0.0.6", "2025-03-05T10:00:00.000Z");
    await drain();
    expect(await subjectOf(inside)).toEqual({ user_name: "pupil.one", device: "LAPTOP-07", ip: "10.0.0.5" });
    for (const id of [before, atEnd]) {
      expect(await subjectOf(id)).toEqual({ user_name: null, device: null, ip: "10.0.0.5" });
    }
    expect(await subjectOf(otherIp)).toEqual({ user_name: null, device: null, ip: "10.0.0.6" });
  });

  it("gives the later of two overlapping leases of an address", async () => {
    const { schoolId } = await buildSchool(database());
    await record(schoolId, [
      { ...lease, startsAt: "2025-03-05T08:00:00Z" },
      { ...lease, device: "LAPTOP-09", user: "pupil.two", startsAt: "2025-03-05T11:00:00Z" },
    ]);
    expect(await attributeEvent(database().db, schoolId, "10.0.0.5", "2025-03-05T10:00:00.000Z")).toEqual({
      user_name: "pupil.one",
      device: "LAPTOP-07",
    });
    const later = await storeVisit(schoolId, "10.0.0.5", "2025-03-05T11:30:00.000Z");
    await drain();
    expect(await subjectOf(later)).toMatchObject({ user_name: "pupil.two", device: "LAPTOP-09" });
  });

  it("keeps the user a proxy authenticated, filling only the device", async () => {
    const { schoolId } = await buildSchool(database());
    await record(schoolId, [{ ...lease, startsAt: "2025-03-05T08:00:00Z" }]);
    const proxied = await storeVisit(schoolId, "10.0.0.5", "2025-03-05T10:00:00.000Z", "teacher.smith");
    await drain();
    expect(await subjectOf(proxied)).toEqual({
      user_name: "teacher.smith",
      device: "LAPTOP-07",
      ip: "10.0.0.5",
    });
  });

  it("attributes stored events after the fact, once, and only in the school", async () => {
    const { schoolId } = await buildSchool(database());
    const other = await buildSchool(database());
    const early = await storeVisit(schoolId, "10.0.0.5", "2025-03-05T09:00:00.000Z");
    const late = await storeVisit(schoolId, "10.0.0.5", "2025-03-05T13:00:00.000Z");
    const elsewhere = await storeVisit(other.schoolId, "10.0.0.5", "2025-03-05T09:00:00.000Z");
    await drain(); // no assignments yet: detection runs, the events stay unattributed
    expect(await subjectOf(early)).toMatchObject({ user_name: null });

    await record(schoolId, [{ ...lease, startsAt: "2025-03-05T08:00:00Z", endsAt: "2025-03-05T12:00:00Z" }]);
    expect(await attributeUnattributedEvents(database().db, schoolId, undefined, 1)).toEqual({
      examined: 2,
      attributed: 1,
    });
    expect(await subjectOf(early)).toEqual({ user_name: "pupil.one", device: "LAPTOP-07", ip: "10.0.0.5" });
    expect(await subjectOf(late)).toMatchObject({ user_name: null, device: null });
    expect(await subjectOf(elsewhere)).toMatchObject({ user_name: null, device: null });
    expect(await attributeUnattributedEvents(database().db, schoolId)).toEqual({
      examined: 1,
      attributed: 0,
    });
    expect(await attributeUnattributedEvents(database().db, schoolId, "2025-03-05T10:00:00.000Z")).toEqual({
      examined: 1,
      attributed: 0,
    });
  });

  it("audits an import with its row count", async () => {
    const { schoolId } = await buildSchool(database());
    expect(
      await record(schoolId, [
        { ...lease, startsAt: "2025-03-05T08:00:00Z" },
        { ip: "2001:DB8::1", user: "pupil.two", startsAt: "2025-03-05T08:00:00+01:00", source: "logon" },
      ]),
    ).toBe(2);
    const audit = await database()
      .db.selectFrom("audit_records")
      .select("data")
      .where("school_id", "=", schoolId)
      .where("event", "=", "attribution.imported")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toEqual({ rows: 2, sources: { dhcp: 1, logon: 1 } });
    expect(await attributeEvent(database().db, schoolId, "2001:db8::1", "2025-03-05T07:30:00.000Z")).toEqual({
      user_name: "pupil.two",
      device: null,
    });
  });
});
