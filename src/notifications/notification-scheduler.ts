/** A scheduler for notification work alone (tests; `vigil serve` runs it with the rest, see background/). */
import type { VigilDatabase } from "../db/open-database.js";
import type { Config } from "../platform/config/settings.js";
import { systemClock, type Clock } from "../platform/jobs/clock.js";
import { JobScheduler } from "../platform/jobs/job-scheduler.js";
import { planDigests } from "./digests.js";
import { smtpMailer, smtpSettingsOf, type Mailer } from "./mailer.js";
import { notificationJobs } from "./notification-jobs.js";

/** A scheduler running routing, escalation, deliveries and digests. */
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
  const { config } = options;
  const mailer = options.mailer ?? smtpMailer(smtpSettingsOf(config as Config));
  return new JobScheduler({
    database,
    jobs: notificationJobs({ mailer, publicUrl: config.publicUrl }),
    clock: options.clock ?? systemClock,
    plan: async (clock) => {
      await planDigests(database.db, clock.now());
    },
    ...(options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs }),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
}
