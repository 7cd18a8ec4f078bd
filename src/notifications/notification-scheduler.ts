/**
 * Notification work for the job queue: its jobs (routing, escalation, deliveries, digests) and
 * its planning (the day's digests). `vigil serve` runs it with the rest (src/background/); tests
 * run it alone with `notificationScheduler`.
 */
import type { VigilDatabase } from "../db/open-database.js";
import type { Config } from "../platform/config/settings.js";
import { systemClock, type Clock } from "../platform/jobs/clock.js";
import type { JobDefinition } from "../platform/jobs/job.js";
import { JobScheduler } from "../platform/jobs/job-scheduler.js";
import { planDigests } from "./digests.js";
import { smtpMailer, smtpSettingsOf, type Mailer } from "./mailer.js";
import { notificationJobs } from "./notification-jobs.js";

export interface NotificationWork {
  jobs: JobDefinition[];
  plan: (clock: Clock) => Promise<void>;
}

/** The notification jobs and their planning, with the configured mailer unless one is given. */
export function notificationWork(
  database: VigilDatabase,
  options: { config: Pick<Config, "publicUrl"> & Partial<Config>; mailer?: Mailer },
): NotificationWork {
  const mailer = options.mailer ?? smtpMailer(smtpSettingsOf(options.config as Config));
  return {
    jobs: notificationJobs({ mailer, publicUrl: options.config.publicUrl }),
    plan: async (clock) => {
      await planDigests(database.db, clock.now());
    },
  };
}

/** A scheduler running notification work alone. */
export function notificationScheduler(
  database: VigilDatabase,
  options: {
    config: Pick<Config, "publicUrl"> & Partial<Config>;
    mailer?: Mailer;
    clock?: Clock;
    intervalMs?: number;
    onError?: (error: unknown) => void;
  },
): JobScheduler {
  const work = notificationWork(database, options);
  return new JobScheduler({
    database,
    jobs: work.jobs,
    clock: options.clock ?? systemClock,
    plan: work.plan,
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
}
