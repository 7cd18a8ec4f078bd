/**
 * Sends one delivery. Throttling: at most one message per contact, per policy and channel in
 * `throttleWindowMs`; a delivery that comes sooner waits for the window to end, and whichever
 * message goes next carries every waiting one ("and 4 more"). A failure is recorded on the
 * delivery (attempts, last error) and the job is retried at a back-off; each delivery is its own
 * job, so one failing target never holds up another.
 */
import type { Selectable } from "kysely";
import type { NotificationDeliveriesTable } from "../db/schema.js";
import { enqueueJob } from "../platform/jobs/enqueue-job.js";
import type { JobContext, JobResult } from "../platform/jobs/job.js";
import { deliverJobName } from "./job-names.js";
import type { Mailer } from "./mailer.js";
import { webhookBody, withGrouped, type StoredMessage } from "./notification-message.js";
import { postWebhook } from "./webhook-sender.js";

/** At most one message per contact per policy in this window. */
export const throttleWindowMs = 10 * 60 * 1000;

type DeliveryRow = Selectable<NotificationDeliveriesTable>;

export interface DeliveryServices {
  mailer: Mailer;
}

/** Runs the delivery `deliveryId`: sends it (with any waiting ones), defers it, or records the failure. */
export async function deliverNotification(
  deliveryId: string,
  services: DeliveryServices,
  { database, clock, attempt, maxAttempts }: JobContext,
): Promise<JobResult> {
  const { db } = database;
  const delivery = await db
    .selectFrom("notification_deliveries")
    .selectAll()
    .where("id", "=", deliveryId)
    .executeTakeFirst();
  if (!delivery) return { kind: "skipped", reason: "the delivery no longer exists" };
  if (!["pending", "retrying"].includes(delivery.status)) {
    return { kind: "skipped", reason: `already ${delivery.status}` };
  }
  const now = clock.now();
  let others: DeliveryRow[] = [];
  if (delivery.throttle_key) {
    const lastSent = await db
      .selectFrom("notification_deliveries")
      .select("sent_at")
      .where("throttle_key", "=", delivery.throttle_key)
      .where("status", "=", "sent")
      .orderBy("sent_at", "desc")
      .limit(1)
      .executeTakeFirst();
    const opensAt = lastSent?.sent_at ? Date.parse(lastSent.sent_at) + throttleWindowMs : 0;
    if (opensAt > now.getTime()) {
      const at = new Date(opensAt);
      await enqueueJob(
        db,
        deliverJobName,
        { deliveryId },
        {
          runAt: at,
          schoolId: delivery.school_id,
          dedupeKey: `deliver:${deliveryId}:${at.toISOString()}`,
        },
      );
      return { kind: "skipped", reason: `throttled: goes with the next message at ${at.toISOString()}` };
    }
    others = await db
      .selectFrom("notification_deliveries")
      .selectAll()
      .where("throttle_key", "=", delivery.throttle_key)
      .where("status", "in", ["pending", "retrying"])
      .where("id", "!=", delivery.id)
      .where("created_at", "<=", now.toISOString())
      .orderBy("created_at")
      .execute();
  }
  const message = JSON.parse(delivery.message) as StoredMessage;
  const grouped = others.map((other) => JSON.parse(other.message) as StoredMessage);
  try {
    await send(database.db, delivery, message, grouped, services, now);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await db
      .updateTable("notification_deliveries")
      .set({
        status: attempt >= maxAttempts ? "failed" : "retrying",
        attempts: delivery.attempts + 1,
        last_error: reason.slice(0, 1_000),
      })
      .where("id", "=", delivery.id)
      .execute();
    return { kind: "failed", error: reason, retry: true };
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("notification_deliveries")
      .set({
        status: "sent",
        attempts: delivery.attempts + 1,
        last_error: null,
        sent_at: now.toISOString(),
        grouped_count: others.length,
      })
      .where("id", "=", delivery.id)
      .execute();
    if (others.length > 0) {
      await trx
        .updateTable("notification_deliveries")
        .set({ status: "grouped", grouped_into: delivery.id })
        .where(
          "id",
          "in",
          others.map((other) => other.id),
        )
        .execute();
    }
  });
  return { kind: "success", detail: others.length ? `sent with ${String(others.length)} more` : "sent" };
}

async function send(
  db: JobContext["database"]["db"],
  delivery: DeliveryRow,
  message: StoredMessage,
  grouped: readonly StoredMessage[],
  services: DeliveryServices,
  now: Date,
): Promise<void> {
  const contact = await db
    .selectFrom("notification_contacts")
    .select(["email", "webhook_url", "webhook_secret"])
    .where("id", "=", delivery.contact_id)
    .executeTakeFirst();
  if (delivery.channel === "email") {
    if (!contact?.email) throw new Error("The contact no longer has an email address.");
    const full = withGrouped(message, grouped);
    await services.mailer.send({ to: contact.email, subject: full.subject, text: full.text });
    return;
  }
  if (!contact?.webhook_url || !contact.webhook_secret)
    throw new Error("The contact no longer has a webhook.");
  await postWebhook(
    contact.webhook_url,
    contact.webhook_secret,
    webhookBody(message, grouped, delivery.kind),
    now,
  );
}
