/**
 * Walks an alert's escalation chain. The first pass (the `alert.route` job) starts every policy
 * that covers the alert at step 0; each later pass (an `alert.escalate` job due at the previous
 * contact's deadline) goes on only while the alert is still `new`, i.e. nobody acknowledged it.
 * A contact outside working hours is skipped to the next, unless the policy says "at once". Every
 * step, told or skipped, is a row in `alert_notifications`, so the alert shows who knew and when.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { enqueueJob } from "../platform/jobs/enqueue-job.js";
import { workingHoursOf, type ContactRow } from "./contact.repository.js";
import { alertMessage } from "./notification-message.js";
import { chainOf, deadlineMinutes, findPolicy, policyMatches, type PolicyRow } from "./policy.repository.js";
import { deliverJobName, escalateJobName } from "./job-names.js";
import { isWithinWorkingHours } from "./working-hours.js";

export interface AlertFacts {
  id: string;
  schoolId: string;
  schoolName: string;
  status: string;
  severity: number;
  categories: string[];
  /** From the directory when the alert was recorded; null when it did not know the person. */
  ageGroup: string | null;
  /** Whom the directory placed the user name as when recorded ("staff" for a member of staff). */
  subjectKind: string | null;
  firstSeen: string;
}

/** The alert as routing sees it: no evidence, no names. */
export async function loadAlertFacts(db: Kysely<Database>, alertId: string): Promise<AlertFacts | undefined> {
  const row = await db
    .selectFrom("alerts")
    .innerJoin("schools", "schools.id", "alerts.school_id")
    .select([
      "alerts.id",
      "alerts.school_id",
      "schools.name as school_name",
      "alerts.status",
      "alerts.severity",
      "alerts.categories",
      "alerts.age_group",
      "alerts.subject_kind",
      "alerts.first_seen",
    ])
    .where("alerts.id", "=", alertId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    schoolId: row.school_id,
    schoolName: row.school_name,
    status: row.status,
    severity: row.severity,
    categories: JSON.parse(row.categories) as string[],
    ageGroup: row.age_group,
    subjectKind: row.subject_kind,
    firstSeen: row.first_seen,
  };
}

/** Starts every matching policy's chain; returns how many policies matched. */
export async function routeAlert(
  trx: Kysely<Database>,
  alert: AlertFacts,
  now: Date,
  publicUrl: string,
): Promise<number> {
  const policies = await trx
    .selectFrom("notification_policies")
    .selectAll()
    .where("school_id", "=", alert.schoolId)
    .where("archived_at", "is", null)
    .execute();
  const matching = policies.filter((policy) => policyMatches(policy, alert));
  for (const policy of matching) await advanceChain(trx, alert, policy, 0, now, publicUrl);
  return matching.length;
}

/** Escalates one policy's chain from `step`; a short reason when there is nothing to do. */
export async function escalateAlert(
  trx: Kysely<Database>,
  alert: AlertFacts,
  policyId: string,
  step: number,
  now: Date,
  publicUrl: string,
): Promise<string | null> {
  if (alert.status !== "new") return `acknowledged (status ${alert.status}): no further hops`;
  const policy = await findPolicy(trx, alert.schoolId, policyId);
  if (!policy || policy.archived_at !== null || policy.enabled !== 1)
    return "the policy was removed or turned off";
  return advanceChain(trx, alert, policy, step, now, publicUrl);
}

async function advanceChain(
  trx: Kysely<Database>,
  alert: AlertFacts,
  policy: PolicyRow,
  fromStep: number,
  now: Date,
  publicUrl: string,
): Promise<string | null> {
  const done = await trx
    .selectFrom("alert_notifications")
    .select("step")
    .where("alert_id", "=", alert.id)
    .where("policy_id", "=", policy.id)
    .where("step", ">=", fromStep)
    .executeTakeFirst();
  // This step ran already (the job ran twice): doing it again would tell someone twice.
  if (done) return `step ${fromStep} was already taken`;
  const chain = chainOf(policy);
  const contacts = await trx
    .selectFrom("notification_contacts")
    .selectAll()
    .where("school_id", "=", alert.schoolId)
    .where("id", "in", chain.length ? chain : [""])
    .execute();
  for (let step = fromStep; step < chain.length; step += 1) {
    const contact = contacts.find((c) => c.id === chain[step]);
    if (!contact || contact.archived_at !== null) {
      await recordHop(
        trx,
        alert,
        policy,
        step,
        chain[step] ?? "",
        "skipped",
        "the contact was removed",
        now,
        null,
      );
      continue;
    }
    const inHours = isWithinWorkingHours(workingHoursOf(contact), now);
    if (!inHours && policy.at_once !== 1) {
      await recordHop(trx, alert, policy, step, contact.id, "skipped", "outside working hours", now, null);
      continue;
    }
    await notify(
      trx,
      alert,
      policy,
      step,
      contact,
      now,
      publicUrl,
      inHours ? "in working hours" : "at once, day or night",
    );
    return null;
  }
  // Nobody in the chain could be told in hours: the alert must still reach someone.
  const told = await trx
    .selectFrom("alert_notifications")
    .select("id")
    .where("alert_id", "=", alert.id)
    .where("policy_id", "=", policy.id)
    .where("outcome", "=", "notified")
    .executeTakeFirst();
  const first = contacts.find((c) => c.id === chain[0] && c.archived_at === null);
  if (!told && first) {
    await notify(
      trx,
      alert,
      policy,
      chain.length,
      first,
      now,
      publicUrl,
      "no one in the chain was in working hours",
    );
    return null;
  }
  return "end of the chain";
}

async function notify(
  trx: Kysely<Database>,
  alert: AlertFacts,
  policy: PolicyRow,
  step: number,
  contact: ContactRow,
  now: Date,
  publicUrl: string,
  reason: string,
): Promise<void> {
  const hasNext = step + 1 < chainOf(policy).length;
  const deadline = hasNext
    ? new Date(now.getTime() + deadlineMinutes(policy, alert.severity) * 60_000)
    : null;
  const hopId = await recordHop(trx, alert, policy, step, contact.id, "notified", reason, now, deadline);
  const message = alertMessage(alert, publicUrl, deadline);
  const channels = [
    ...(contact.email ? (["email"] as const) : []),
    ...(contact.webhook_url ? (["webhook"] as const) : []),
  ];
  for (const channel of channels) {
    const deliveryId = randomUUID();
    await trx
      .insertInto("notification_deliveries")
      .values({
        id: deliveryId,
        school_id: alert.schoolId,
        contact_id: contact.id,
        channel,
        kind: "alert",
        alert_id: alert.id,
        hop_id: hopId,
        digest_key: null,
        throttle_key: `${contact.id}:${policy.id}:${channel}`,
        message: JSON.stringify(message),
        status: "pending",
        attempts: 0,
        last_error: null,
        grouped_into: null,
        grouped_count: 0,
        created_at: now.toISOString(),
        sent_at: null,
      })
      .execute();
    await enqueueJob(trx, deliverJobName, { deliveryId }, { runAt: now, schoolId: alert.schoolId });
  }
  if (deadline) {
    await enqueueJob(
      trx,
      escalateJobName,
      { alertId: alert.id, policyId: policy.id, step: step + 1 },
      {
        runAt: deadline,
        schoolId: alert.schoolId,
        dedupeKey: `escalate:${alert.id}:${policy.id}:${step + 1}`,
      },
    );
  }
}

async function recordHop(
  trx: Kysely<Database>,
  alert: AlertFacts,
  policy: PolicyRow,
  step: number,
  contactId: string,
  outcome: "notified" | "skipped",
  reason: string,
  now: Date,
  deadline: Date | null,
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto("alert_notifications")
    .values({
      id,
      school_id: alert.schoolId,
      alert_id: alert.id,
      policy_id: policy.id,
      step,
      contact_id: contactId,
      outcome,
      reason,
      at: now.toISOString(),
      deadline_at: deadline?.toISOString() ?? null,
    })
    .execute();
  return id;
}
