import { expect, it } from "vitest";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { buildSchool } from "../../test-support/builders.js";
import type { EventRow } from "./event-row.js";
import { insertEvents } from "./insert-events.js";

forEachDialect("storing event rows", (database) => {
  it("stores every column where it belongs, and a row sent again once", async () => {
    const { schoolId } = await buildSchool(database());
    // Each column holds a value no other holds, so a value bound to the wrong column shows.
    const row: EventRow = {
      id: "01JTESTROWCOLUMNS000000000",
      school_id: schoolId,
      source: "source value",
      sender_id: "sender id value",
      kind: "kind value",
      time: "2025-03-05T08:00:00.000Z",
      user_name: "user value",
      device: "device value",
      ip: "ip value",
      url: "url value",
      host: "host value",
      text: "text value",
      action: "action value",
      filter_category: "category value",
      detail: "detail value",
      received_at: "2025-03-05T09:00:00.000Z",
      processed_at: "2025-03-05T10:00:00.000Z",
    };
    const again = { ...row, id: "01JTESTROWCOLUMNS000000001" };
    const outcomes = await database()
      .db.transaction()
      .execute((trx) => insertEvents(trx, database(), [row, again]));
    expect(outcomes).toEqual(["accepted", "duplicate"]);
    const stored = await database()
      .db.selectFrom("events")
      .selectAll()
      .where("school_id", "=", schoolId)
      .execute();
    expect(stored).toEqual([row]);
  });
});
