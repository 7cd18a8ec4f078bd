/**
 * Attribution after the fact: stored events that have an IP but no user or no device are given
 * them from the assignments known now (a CSV imported after the logs, leases that arrived late).
 * Batched by id, each batch its own transaction; running it again changes nothing more.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { attributeEvents, saveAttributions } from "./attribute-event.js";

export type AttributionRun = {
  /** Events with an IP that lacked a user or a device. */
  examined: number;
  /** Of those, events that were given a user or a device. */
  attributed: number;
};

/** Attributes the school's stored events (those at or after `since`, when given). */
export async function attributeUnattributedEvents(
  db: Kysely<Database>,
  schoolId: string,
  since?: string,
  batchSize = 1_000,
): Promise<AttributionRun> {
  const run: AttributionRun = { examined: 0, attributed: 0 };
  let after = "";
  for (;;) {
    let query = db
      .selectFrom("events")
      .select(["id", "school_id", "ip", "time", "user_name", "device"])
      .where("school_id", "=", schoolId)
      .where("ip", "is not", null)
      .where((eb) => eb.or([eb("user_name", "is", null), eb("device", "is", null)]))
      .where("id", ">", after)
      .orderBy("id")
      .limit(batchSize);
    if (since !== undefined) query = query.where("time", ">=", since);
    const events = await query.execute();
    const last = events[events.length - 1];
    if (!last) return run;
    const fills = await attributeEvents(db, events);
    if (fills.size > 0) await db.transaction().execute((trx) => saveAttributions(trx, fills));
    run.examined += events.length;
    run.attributed += fills.size;
    after = last.id;
  }
}
