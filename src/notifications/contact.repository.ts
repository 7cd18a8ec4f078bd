/** Reads a school's notification contacts and presents them without their webhook secrets. */
import type { Kysely, Selectable } from "kysely";
import {
  WorkingHoursSchema,
  type ContactView,
  type WorkingHours,
} from "../contracts/notification.contract.js";
import type { Database, NotificationContactsTable } from "../db/schema.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";

export type ContactRow = Selectable<NotificationContactsTable>;

/** The contacts in force (not removed) of the schools in scope, by name. */
export async function findContacts(db: Kysely<Database>, scope: SchoolScope): Promise<ContactRow[]> {
  return db
    .selectFrom("notification_contacts")
    .selectAll()
    .where((eb) => schoolInScope(eb, "notification_contacts.school_id", scope))
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
}

/** One contact in force of a school, or undefined. */
export async function findContact(
  db: Kysely<Database>,
  schoolId: string,
  contactId: string,
): Promise<ContactRow | undefined> {
  return db
    .selectFrom("notification_contacts")
    .selectAll()
    .where("school_id", "=", schoolId)
    .where("id", "=", contactId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

/** The stored working hours, or null for "any time". */
export function workingHoursOf(row: ContactRow): WorkingHours | null {
  return row.working_hours === null ? null : WorkingHoursSchema.parse(JSON.parse(row.working_hours));
}

/** The API shape of a contact: the webhook secret is never shown after creation. */
export function presentContact(row: ContactRow): ContactView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    webhookUrl: row.webhook_url,
    hasWebhookSecret: row.webhook_secret !== null,
    userId: row.user_id,
    workingHours: workingHoursOf(row),
    digests: JSON.parse(row.digests) as ContactView["digests"],
    updatedAt: row.updated_at,
  };
}
