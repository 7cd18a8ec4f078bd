/**
 * All of Vigil's background work on the one job queue, as `vigil serve` runs it and
 * `vigil jobs run-due` does one pass of it: notification routing, escalation, deliveries and
 * digests, and the nightly retention purge. One scheduler, because a worker fails any job whose
 * name it does not know.
 */
import type { VigilDatabase } from "../db/open-database.js";
import type { Mailer } from "../notifications/mailer.js";
import { notificationWork } from "../notifications/notification-scheduler.js";
import type { Config } from "../platform/config/settings.js";
import { systemClock, type Clock } from "../platform/jobs/clock.js";
import { JobScheduler } from "../platform/jobs/job-scheduler.js";
import { planRetention, retentionJobs } from "../retention/retention-work.js";

/** The scheduler for every kind of background job. */
export function backgroundScheduler(
  database: VigilDatabase,
  options: {
    config: Config;
    mailer?: Mailer;
    clock?: Clock;
    onError?: (error: unknown) => void;
  },
): JobScheduler {
  const notifications = notificationWork(database, options);
  return new JobScheduler({
    database,
    jobs: [...notifications.jobs, ...retentionJobs(options.config)],
    clock: options.clock ?? systemClock,
    plan: async (clock) => {
      await notifications.plan(clock);
      await planRetention(database.db, clock.now());
    },
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
}
