import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { forEachDialect } from "../db/test-support/for-each-dialect.js";
import { buildSchool } from "../test-support/builders.js";
import { purgeExpiredRecords, purgeBatchSize } from "./purge-expired-records.js";

const now = new Date("2026-11-22T02:00:00.000Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();

forEachDialect("retention", (database) => {
  async function addEvent(
    schoolId: string,
    input: { time: string; device?: string; user?: string; processed?: boolean },
  ): Promise<string> {
    const id = randomUUID();
    await database()
      .db.insertInto("events")
      .values({
        id,
        school_id: schoolId,
        source: "test",
        sender_id: id,
        kind: "web-visit",
        time: input.time,
        user_name: input.user ?? null,
        device: input.device ?? null,
        url: "http://example.com/",
        received_at: input.time,
        processed_at: input.processed === false ? null : input.time,
      })
      .execute();
    return id;
  }
  const remaining = async (schoolId: string) =>
    (await database().db.selectFrom("events").select("id").where("school_id", "=", schoolId).execute()).map(
      (row) => row.id,
    );

  describe("captured activity", () => {
    it("goes after its retention period, unless it is unscanned or under an investigation hold", async () => {
      const { schoolId } = await buildSchool(database());
      const old = await addEvent(schoolId, { time: daysAgo(91), device: "LAPTOP-1", user: "amy" });
      const recent = await addEvent(schoolId, { time: daysAgo(89), device: "LAPTOP-1" });
      const unscanned = await addEvent(schoolId, { time: daysAgo(200), processed: false });
      const heldDevice = await addEvent(schoolId, { time: daysAgo(120), device: "LAPTOP-9" });
      const heldUser = await addEvent(schoolId, { time: daysAgo(120), user: "zed", device: "LAPTOP-2" });
      for (const hold of [{ device: "LAPTOP-9" }, { user_name: "zed" }]) {
        await database()
          .db.insertInto("monitoring_holds")
          .values({
            id: randomUUID(),
            school_id: schoolId,
            device: null,
            user_name: null,
            ...hold,
            incident_id: randomUUID(),
            reason: "police investigation",
            created_by: "test",
            created_at: daysAgo(1),
          })
          .execute();
      }
      const summary = await purgeExpiredRecords(database(), { eventRetentionDays: 90, now });
      expect(summary.cutoff).toBe(daysAgo(90));
      expect(summary.events).toContainEqual({ schoolId, deleted: 1 });
      expect((await remaining(schoolId)).sort()).toEqual([recent, unscanned, heldDevice, heldUser].sort());
      expect(await remaining(schoolId)).not.toContain(old);

      const audit = await database()
        .db.selectFrom("audit_records")
        .select(["event", "data"])
        .where("school_id", "=", schoolId)
        .where("event", "=", "retention.purged")
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]?.data ?? "{}")).toMatchObject({ events: 1, retentionDays: 90 });

      // Released holds protect nothing.
      await database()
        .db.updateTable("monitoring_holds")
        .set({ released_at: now.toISOString() })
        .where("school_id", "=", schoolId)
        .execute();
      await purgeExpiredRecords(database(), { eventRetentionDays: 90, now });
      expect((await remaining(schoolId)).sort()).toEqual([recent, unscanned].sort());
    });

    it("deletes in batches until nothing expired is left, and touches no other school", async () => {
      const { schoolId } = await buildSchool(database());
      const other = await buildSchool(database());
      for (let i = 0; i < purgeBatchSize + 5; i += 1) await addEvent(schoolId, { time: daysAgo(100) });
      const theirs = await addEvent(other.schoolId, { time: daysAgo(10) });
      const summary = await purgeExpiredRecords(database(), { eventRetentionDays: 30, now });
      expect(summary.events).toContainEqual({ schoolId, deleted: purgeBatchSize + 5 });
      expect(await remaining(schoolId)).toEqual([]);
      expect(await remaining(other.schoolId)).toEqual([theirs]);
    });
  });
});
