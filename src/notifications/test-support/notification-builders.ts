/** Builders for notification tests: contacts and policies written through the real commands. */
import { randomUUID } from "node:crypto";
import { ContactInputSchema, PolicyInputSchema } from "../../contracts/notification.contract.js";
import type { VigilDatabase } from "../../db/open-database.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { testActor } from "../../test-support/builders.js";
import { enqueueAlertRouting } from "../enqueue-alert-routing.js";
import { saveContact, type SavedContact } from "../save-contact.js";
import { savePolicy } from "../save-policy.js";

/** Adds a contact from loose input (checked by the contract). */
export function buildContact(
  database: VigilDatabase,
  schoolId: string,
  input: Record<string, unknown>,
): Promise<SavedContact> {
  return inTransaction(database, { actor: testActor, ip: null }, (ctx) =>
    saveContact(ctx, schoolId, ContactInputSchema.parse(input)),
  );
}

/** Adds a policy from loose input (checked by the contract). */
export function buildPolicy(
  database: VigilDatabase,
  schoolId: string,
  input: Record<string, unknown>,
): Promise<string> {
  return inTransaction(database, { actor: testActor, ip: null }, (ctx) =>
    savePolicy(ctx, schoolId, PolicyInputSchema.parse(input)),
  );
}

/** Stores an alert directly (as the pipeline would) and queues its routing; returns its id. */
export async function buildRoutedAlert(
  database: VigilDatabase,
  schoolId: string,
  fields: { severity?: number; categories?: string[]; at?: Date } = {},
): Promise<string> {
  const id = randomUUID();
  const at = (fields.at ?? new Date()).toISOString();
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("alerts")
      .values({
        id,
        school_id: schoolId,
        status: "new",
        severity: fields.severity ?? 4,
        categories: JSON.stringify(fields.categories ?? ["self-harm"]),
        explanation: "{}",
        evidence: "secret words a pupil typed",
        url: null,
        user_name: "pupil.one@oak.example",
        device: null,
        ip: null,
        first_seen: at,
        last_seen: at,
        count: 1,
        group_key: randomUUID(),
        first_event_id: randomUUID(),
        last_event_id: randomUUID(),
        created_by: "test",
        created_at: at,
        updated_at: at,
      })
      .execute();
    await enqueueAlertRouting(trx, [{ id, schoolId, severity: fields.severity ?? 4 }], new Date(at));
  });
  return id;
}
