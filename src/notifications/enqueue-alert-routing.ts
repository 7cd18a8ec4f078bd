/**
 * The hand-off from detection to notification: inside the transaction that records the alerts,
 * an `alert.route` job per new or raised alert is stored (an outbox row). Sending happens later, outside
 * that transaction, so a slow mail server never holds up detection and no alert is ever lost.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { enqueueJob } from "../platform/jobs/enqueue-job.js";
import { routeJobName } from "./job-names.js";

/**
 * Queues routing for each new alert, and once per severity for an alert a repeat raised: a policy
 * that now covers it starts its chain, while chains already started are not begun again.
 */
export async function enqueueAlertRouting(
  trx: Kysely<Database>,
  alerts: readonly { id: string; schoolId: string; severity: number }[],
  now: Date = new Date(),
): Promise<number> {
  let queued = 0;
  for (const alert of alerts) {
    const id = await enqueueJob(
      trx,
      routeJobName,
      { alertId: alert.id },
      { runAt: now, schoolId: alert.schoolId, dedupeKey: `route:${alert.id}:${String(alert.severity)}` },
    );
    if (id) queued += 1;
  }
  return queued;
}
