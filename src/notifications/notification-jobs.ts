/** The notification jobs, bound to their services (mailer, public address). */
import { z } from "zod";
import { defineJob, type JobDefinition } from "../platform/jobs/job.js";
import { deliverNotification } from "./deliver-notification.js";
import { buildDigest } from "./digests.js";
import { escalateAlert, loadAlertFacts, routeAlert } from "./escalate-alert.js";
import { deliverJobName, digestJobName, escalateJobName, routeJobName } from "./job-names.js";
import type { Mailer } from "./mailer.js";

export interface NotificationServices {
  mailer: Mailer;
  /** The console's address, for links in messages. */
  publicUrl: string;
}

/** Every notification job. */
export function notificationJobs(services: NotificationServices): JobDefinition[] {
  return [
    defineJob({
      name: routeJobName,
      payload: z.object({ alertId: z.string() }),
      async handle({ alertId }, { database, clock }) {
        const alert = await loadAlertFacts(database.db, alertId);
        if (!alert) return { kind: "skipped", reason: "the alert no longer exists" };
        const matched = await database.db
          .transaction()
          .execute((trx) => routeAlert(trx, alert, clock.now(), services.publicUrl));
        return matched === 0
          ? { kind: "skipped", reason: "no policy covers this alert" }
          : { kind: "success", detail: `${String(matched)} policies started` };
      },
    }),
    defineJob({
      name: escalateJobName,
      payload: z.object({ alertId: z.string(), policyId: z.string(), step: z.number().int().min(0) }),
      async handle({ alertId, policyId, step }, { database, clock }) {
        const alert = await loadAlertFacts(database.db, alertId);
        if (!alert) return { kind: "skipped", reason: "the alert no longer exists" };
        const stopped = await database.db
          .transaction()
          .execute((trx) => escalateAlert(trx, alert, policyId, step, clock.now(), services.publicUrl));
        return stopped
          ? { kind: "skipped", reason: stopped }
          : { kind: "success", detail: `step ${String(step)}` };
      },
    }),
    defineJob({
      name: deliverJobName,
      payload: z.object({ deliveryId: z.string() }),
      handle: ({ deliveryId }, context) => deliverNotification(deliveryId, services, context),
    }),
    defineJob({
      name: digestJobName,
      payload: z.object({
        contactId: z.string(),
        period: z.enum(["daily", "weekly"]),
        from: z.iso.datetime(),
        to: z.iso.datetime(),
      }),
      handle: (payload, context) => buildDigest(payload, services.publicUrl, context),
    }),
  ];
}
