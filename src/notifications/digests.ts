/**
 * Daily and weekly digests: a summary of a school's alerts over the period, by category and
 * severity, for each contact who asked for one. Planning adds at most one job per contact and
 * period (a dedupe key), so the scheduler can plan on every pass without sending twice.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { enqueueJob } from "../platform/jobs/enqueue-job.js";
import type { JobContext, JobResult } from "../platform/jobs/job.js";
import { deliverJobName, digestJobName } from "./job-names.js";
import type { StoredMessage } from "./notification-message.js";

export type DigestPeriod = "daily" | "weekly";
const dayMs = 24 * 60 * 60 * 1000;

/** The last finished period before `now` (UTC days; weeks run Monday to Monday). */
export function lastPeriod(period: DigestPeriod, now: Date): { from: Date; to: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (period === "daily") return { from: new Date(today - dayMs), to: new Date(today) };
  const monday = today - ((now.getUTCDay() + 6) % 7) * dayMs;
  return { from: new Date(monday - 7 * dayMs), to: new Date(monday) };
}

/** Adds the digest jobs of the last finished periods that are not yet planned. */
export async function planDigests(db: Kysely<Database>, now: Date): Promise<number> {
  const contacts = await db
    .selectFrom("notification_contacts")
    .select(["id", "school_id", "digests"])
    .where("archived_at", "is", null)
    .where("digests", "!=", "[]")
    .execute();
  let planned = 0;
  for (const contact of contacts) {
    for (const period of JSON.parse(contact.digests) as DigestPeriod[]) {
      const { from, to } = lastPeriod(period, now);
      const id = await enqueueJob(
        db,
        digestJobName,
        { contactId: contact.id, period, from: from.toISOString(), to: to.toISOString() },
        {
          runAt: to,
          schoolId: contact.school_id,
          dedupeKey: `digest:${period}:${contact.id}:${from.toISOString()}`,
        },
      );
      if (id) planned += 1;
    }
  }
  return planned;
}

/** Builds a contact's digest for [from, to) and queues its deliveries. */
export async function buildDigest(
  payload: { contactId: string; period: DigestPeriod; from: string; to: string },
  publicUrl: string,
  { database, clock }: JobContext,
): Promise<JobResult> {
  const { db } = database;
  const contact = await db
    .selectFrom("notification_contacts")
    .innerJoin("schools", "schools.id", "notification_contacts.school_id")
    .select([
      "notification_contacts.id",
      "notification_contacts.school_id",
      "notification_contacts.email",
      "notification_contacts.webhook_url",
      "notification_contacts.archived_at",
      "schools.name as school_name",
    ])
    .where("notification_contacts.id", "=", payload.contactId)
    .executeTakeFirst();
  if (!contact || contact.archived_at !== null) return { kind: "skipped", reason: "the contact was removed" };
  const already = await db
    .selectFrom("notification_deliveries")
    .select("id")
    .where("digest_key", "like", `${contact.id}:${payload.period}:${payload.from}:%`)
    .executeTakeFirst();
  if (already) return { kind: "skipped", reason: "this digest was already built" };
  const alerts = await db
    .selectFrom("alerts")
    .select(["severity", "categories"])
    .where("school_id", "=", contact.school_id)
    .where("first_seen", ">=", payload.from)
    .where("first_seen", "<", payload.to)
    .execute();
  const counts: Record<string, number> = {};
  for (const alert of alerts) {
    for (const category of JSON.parse(alert.categories) as string[]) {
      const key = `${category}, severity ${String(alert.severity)}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  const lines = Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => `- ${key}: ${String(count)}`);
  const title = `Vigil ${payload.period} digest for ${contact.school_name}`;
  const message: StoredMessage = {
    subject: `${title}: ${String(alerts.length)} alert${alerts.length === 1 ? "" : "s"}`,
    text: [
      `${title}, ${payload.from} to ${payload.to}: ${String(alerts.length)} alert(s).`,
      ...(lines.length ? lines : ["No alerts in this period."]),
      `Open the queue: ${publicUrl}/alerts`,
    ].join("\n"),
    school: contact.school_name,
    summary: { period: payload.period, from: payload.from, to: payload.to, total: alerts.length, counts },
  };
  const now = clock.now();
  const channels = [...(contact.email ? ["email"] : []), ...(contact.webhook_url ? ["webhook"] : [])];
  await db.transaction().execute(async (trx) => {
    for (const channel of channels) {
      const id = randomUUID();
      await trx
        .insertInto("notification_deliveries")
        .values({
          id,
          school_id: contact.school_id,
          contact_id: contact.id,
          channel,
          kind: "digest",
          alert_id: null,
          hop_id: null,
          // So a second run of this job finds the digest it built.
          digest_key: `${contact.id}:${payload.period}:${payload.from}:${channel}`,
          throttle_key: null,
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
      await enqueueJob(trx, deliverJobName, { deliveryId: id }, { runAt: now, schoolId: contact.school_id });
    }
  });
  return { kind: "success", detail: `${String(alerts.length)} alerts summarised` };
}
