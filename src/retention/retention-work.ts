/** Retention as background work: one purge job planned each night (02:00 UTC), run by the scheduler. */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../db/schema.js";
import { enqueueJob } from "../platform/jobs/enqueue-job.js";
import { defineJob, type JobDefinition } from "../platform/jobs/job.js";
import { purgeExpiredRecords } from "./purge-expired-records.js";

export const retentionJobName = "retention.purge";
const purgeHourUtc = 2;

/** The purge job for a retention period. */
export function retentionJobs(settings: { eventRetentionDays: number }): JobDefinition[] {
  return [
    defineJob({
      name: retentionJobName,
      payload: z.object({ night: z.string() }),
      async handle(_payload, context) {
        const summary = await purgeExpiredRecords(context.database, {
          eventRetentionDays: settings.eventRetentionDays,
          now: context.clock.now(),
        });
        const events = summary.events.reduce((total, school) => total + school.deleted, 0);
        return {
          kind: "success",
          detail: `${events} events before ${summary.cutoff}, ${summary.sessions} sessions`,
        };
      },
    }),
  ];
}

/** Plans tonight's purge once (a second call the same night adds nothing). */
export async function planRetention(db: Kysely<Database>, now: Date): Promise<void> {
  const night = now.toISOString().slice(0, 10);
  const runAt = new Date(`${night}T0${purgeHourUtc}:00:00.000Z`);
  await enqueueJob(db, retentionJobName, { night }, { runAt, dedupeKey: `retention:${night}` });
}
