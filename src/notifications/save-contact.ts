/**
 * Adds or changes a contact, audited in the same transaction. A webhook gets a fresh signing
 * secret when it is first set or its URL changes; the secret is returned once, for the receiver.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { ContactInput } from "../contracts/notification.contract.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { findContact } from "./contact.repository.js";

/** The id and, when a new one was made, the webhook secret. */
export interface SavedContact {
  id: string;
  webhookSecret: string | null;
}

/** Creates a contact (no `contactId`) or replaces one's details. */
export async function saveContact(
  ctx: WriteContext,
  schoolId: string,
  input: ContactInput,
  contactId?: string,
): Promise<SavedContact> {
  if (input.userId) {
    const member = await ctx.trx
      .selectFrom("memberships")
      .select("id")
      .where("user_id", "=", input.userId)
      .where("school_id", "=", schoolId)
      .executeTakeFirst();
    if (!member) {
      throw new AppError("validation_failed", "The contact's userId is not a member of this school.", {
        fields: [{ path: "userId", message: "not a member of this school" }],
        hint: "Leave userId out, or pick an account from the school's staff list.",
      });
    }
  }
  const now = new Date().toISOString();
  const existing = contactId ? await findContact(ctx.trx, schoolId, contactId) : undefined;
  if (contactId && !existing)
    throw new AppError("not_found", `There is no contact ${contactId} in this school.`);
  const webhookUrl = input.webhookUrl ?? null;
  const keepSecret = existing && existing.webhook_url === webhookUrl ? existing.webhook_secret : null;
  const newSecret = webhookUrl && !keepSecret ? randomBytes(32).toString("hex") : null;
  const values = {
    name: input.name,
    email: input.email ?? null,
    webhook_url: webhookUrl,
    webhook_secret: webhookUrl ? (keepSecret ?? newSecret) : null,
    user_id: input.userId ?? null,
    working_hours: input.workingHours ? JSON.stringify(input.workingHours) : null,
    digests: JSON.stringify([...new Set(input.digests)]),
    updated_at: now,
  };
  const id = contactId ?? randomUUID();
  if (existing) {
    await ctx.trx.updateTable("notification_contacts").set(values).where("id", "=", id).execute();
  } else {
    await ctx.trx
      .insertInto("notification_contacts")
      .values({ id, school_id: schoolId, created_at: now, archived_at: null, ...values })
      .execute();
  }
  await appendAudit(ctx, {
    event: existing ? "notification-contact.updated" : "notification-contact.created",
    schoolId,
    subject: { type: "notification-contact", id },
    data: { name: input.name, email: values.email, webhookUrl, digests: input.digests },
  });
  return { id, webhookSecret: newSecret };
}

/** Removes a contact from use; policies that name it are refused until changed. */
export async function removeContact(ctx: WriteContext, schoolId: string, contactId: string): Promise<void> {
  const existing = await findContact(ctx.trx, schoolId, contactId);
  if (!existing) throw new AppError("not_found", `There is no contact ${contactId} in this school.`);
  const inUse = await ctx.trx
    .selectFrom("notification_policies")
    .select(["name", "chain"])
    .where("school_id", "=", schoolId)
    .where("archived_at", "is", null)
    .execute();
  const using = inUse.filter((policy) => (JSON.parse(policy.chain) as string[]).includes(contactId));
  if (using.length > 0) {
    throw new AppError(
      "conflict",
      `${existing.name} is in the chain of: ${using.map((p) => p.name).join(", ")}.`,
      {
        hint: "Take them out of those policies first, so no escalation chain is left with a gap.",
      },
    );
  }
  const now = new Date().toISOString();
  await ctx.trx
    .updateTable("notification_contacts")
    .set({ archived_at: now, updated_at: now })
    .where("id", "=", contactId)
    .execute();
  await appendAudit(ctx, {
    event: "notification-contact.removed",
    schoolId,
    subject: { type: "notification-contact", id: contactId },
  });
}
