/**
 * Retention: captured activity is children's data and is kept no longer than the school needs it.
 * Events older than the retention period are deleted in small batches (so a large purge never
 * holds a long write lock), except those of a device or user under an investigation hold; long-
 * ended sessions go too. Each school's purge is audited with what was deleted and the cutoff.
 */
import type { Kysely } from "kysely";
import type { VigilDatabase } from "../db/open-database.js";
import type { Database } from "../db/schema.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { Actor } from "../platform/context/actor.js";
import { inTransaction } from "../platform/context/write-context.js";

/** Rows deleted per statement. */
export const purgeBatchSize = 2_000;
/** Ended sessions are kept this long (for "where was I signed in"), then deleted. */
export const endedSessionDays = 30;
const dayMs = 24 * 60 * 60 * 1000;
const retentionActor: Actor = { kind: "system", label: "retention" };

export interface PurgeSummary {
  cutoff: string;
  events: { schoolId: string; deleted: number }[];
  sessions: number;
}

/** Deletes what has outlived its retention period at `now`. */
export async function purgeExpiredRecords(
  database: VigilDatabase,
  options: { eventRetentionDays: number; now?: Date },
): Promise<PurgeSummary> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.eventRetentionDays * dayMs).toISOString();
  const schools = await database.db.selectFrom("schools").select("id").orderBy("id").execute();
  const events: PurgeSummary["events"] = [];
  for (const { id: schoolId } of schools) {
    let deleted = 0;
    for (;;) {
      const batch = await inTransaction(database, { actor: retentionActor, ip: null }, async (ctx) => {
        const ids = await expiredEventIds(ctx.trx, schoolId, cutoff);
        if (ids.length > 0) await ctx.trx.deleteFrom("events").where("id", "in", ids).execute();
        return ids.length;
      });
      deleted += batch;
      if (batch < purgeBatchSize) break;
    }
    if (deleted > 0) {
      await inTransaction(database, { actor: retentionActor, ip: null }, (ctx) =>
        appendAudit(ctx, {
          event: "retention.purged",
          schoolId,
          data: { events: deleted, cutoff, retentionDays: options.eventRetentionDays },
        }),
      );
      events.push({ schoolId, deleted });
    }
  }
  const sessionCutoff = new Date(now.getTime() - endedSessionDays * dayMs).toISOString();
  const sessions = await database.db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<", sessionCutoff), eb("revoked_at", "<", sessionCutoff)]))
    .executeTakeFirst();
  return { cutoff, events, sessions: Number(sessions.numDeletedRows) };
}

/** Up to a batch of the school's processed events before `cutoff` that no hold protects. */
async function expiredEventIds(db: Kysely<Database>, schoolId: string, cutoff: string): Promise<string[]> {
  const rows = await db
    .selectFrom("events")
    .select("events.id")
    .where("events.school_id", "=", schoolId)
    .where("events.time", "<", cutoff)
    // Not yet through detection: it must be scanned before it may go.
    .where("events.processed_at", "is not", null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("monitoring_holds as hold")
            .select("hold.id")
            .whereRef("hold.school_id", "=", "events.school_id")
            .where("hold.released_at", "is", null)
            .where((held) =>
              held.or([
                held.and([
                  held("hold.device", "is not", null),
                  held("hold.device", "=", held.ref("events.device")),
                ]),
                held.and([
                  held("hold.user_name", "is not", null),
                  held("hold.user_name", "=", held.ref("events.user_name")),
                ]),
              ]),
            ),
        ),
      ),
    )
    .limit(purgeBatchSize)
    .execute();
  return rows.map((row) => row.id);
}
