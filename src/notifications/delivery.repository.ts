/** Reads deliveries and escalation hops, always within a school scope. */
import type { Kysely } from "kysely";
import type { DeliveryView, HopView } from "../contracts/notification.contract.js";
import type { Database } from "../db/schema.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";

/** The most recent deliveries of the schools in scope, optionally only those with a status. */
export async function findDeliveries(
  db: Kysely<Database>,
  scope: SchoolScope,
  options: { status?: DeliveryView["status"]; limit?: number } = {},
): Promise<DeliveryView[]> {
  let query = db
    .selectFrom("notification_deliveries")
    .selectAll()
    .where((eb) => schoolInScope(eb, "notification_deliveries.school_id", scope));
  if (options.status) query = query.where("status", "=", options.status);
  const rows = await query
    .orderBy("created_at", "desc")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    contactId: row.contact_id,
    channel: row.channel as DeliveryView["channel"],
    kind: row.kind as DeliveryView["kind"],
    alertId: row.alert_id,
    status: row.status as DeliveryView["status"],
    attempts: row.attempts,
    lastError: row.last_error,
    groupedCount: row.grouped_count,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  }));
}

/** Every escalation hop of an alert in scope, in the order they happened. */
export async function findHops(
  db: Kysely<Database>,
  scope: SchoolScope,
  alertId: string,
): Promise<HopView[]> {
  const rows = await db
    .selectFrom("alert_notifications")
    .leftJoin("notification_contacts", "notification_contacts.id", "alert_notifications.contact_id")
    .select([
      "alert_notifications.step",
      "alert_notifications.policy_id",
      "alert_notifications.contact_id",
      "notification_contacts.name as contact_name",
      "alert_notifications.outcome",
      "alert_notifications.reason",
      "alert_notifications.at",
      "alert_notifications.deadline_at",
    ])
    .where((eb) => schoolInScope(eb, "alert_notifications.school_id", scope))
    .where("alert_notifications.alert_id", "=", alertId)
    .orderBy("alert_notifications.at")
    .orderBy("alert_notifications.step")
    .execute();
  return rows.map((row) => ({
    step: row.step,
    policyId: row.policy_id,
    contactId: row.contact_id,
    contactName: row.contact_name ?? "(removed contact)",
    outcome: row.outcome as HopView["outcome"],
    reason: row.reason,
    at: row.at,
    deadlineAt: row.deadline_at,
  }));
}
