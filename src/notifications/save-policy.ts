/**
 * Adds or changes a routing and escalation policy. The contract has already refused a loop, an
 * unknown category and a deadline under a minute; here the chain is checked against the school's
 * contacts: each must exist, be in force and have an address, or the policy is refused.
 */
import { randomUUID } from "node:crypto";
import type { PolicyInput } from "../contracts/notification.contract.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { findPolicy } from "./policy.repository.js";

/** Checks every contact of the chain; throws a validation error naming each bad entry. */
export async function checkChain(
  ctx: WriteContext,
  schoolId: string,
  chain: readonly string[],
): Promise<void> {
  const contacts = chain.length
    ? await ctx.trx
        .selectFrom("notification_contacts")
        .select(["id", "name", "email", "webhook_url"])
        .where("school_id", "=", schoolId)
        .where("archived_at", "is", null)
        .where("id", "in", [...chain])
        .execute()
    : [];
  const fields: { path: string; message: string }[] = [];
  chain.forEach((id, index) => {
    const contact = contacts.find((c) => c.id === id);
    if (!contact)
      fields.push({ path: `chain[${index}]`, message: `there is no contact ${id} in this school` });
    else if (!contact.email && !contact.webhook_url)
      fields.push({ path: `chain[${index}]`, message: `${contact.name} has no email address or webhook` });
  });
  if (fields.length > 0) {
    throw new AppError(
      "validation_failed",
      `The policy is not valid: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`,
      { fields, hint: "List the contacts with `vigil notifications contacts list` and use their ids." },
    );
  }
}

/** Creates a policy (no `policyId`) or replaces one; returns its id. */
export async function savePolicy(
  ctx: WriteContext,
  schoolId: string,
  input: PolicyInput,
  policyId?: string,
): Promise<string> {
  await checkChain(ctx, schoolId, input.chain);
  const existing = policyId ? await findPolicy(ctx.trx, schoolId, policyId) : undefined;
  if (policyId && (!existing || existing.archived_at !== null)) {
    throw new AppError("not_found", `There is no policy ${policyId} in this school.`);
  }
  const now = new Date().toISOString();
  const values = {
    name: input.name,
    categories: JSON.stringify(input.categories),
    age_groups: JSON.stringify(input.ageGroups),
    about_staff: input.aboutStaff ? 1 : 0,
    min_severity: input.minSeverity,
    at_once: input.atOnce ? 1 : 0,
    chain: JSON.stringify(input.chain),
    deadlines: JSON.stringify(input.deadlines),
    enabled: input.enabled ? 1 : 0,
    updated_at: now,
  };
  const id = policyId ?? randomUUID();
  if (existing) {
    await ctx.trx.updateTable("notification_policies").set(values).where("id", "=", id).execute();
  } else {
    await ctx.trx
      .insertInto("notification_policies")
      .values({ id, school_id: schoolId, created_at: now, archived_at: null, ...values })
      .execute();
  }
  await appendAudit(ctx, {
    event: existing ? "notification-policy.updated" : "notification-policy.created",
    schoolId,
    subject: { type: "notification-policy", id },
    data: { ...input, deadlines: { ...input.deadlines } },
  });
  return id;
}

/** Ends a policy: no new alerts are routed by it, and its escalations in flight stop. */
export async function removePolicy(ctx: WriteContext, schoolId: string, policyId: string): Promise<void> {
  const existing = await findPolicy(ctx.trx, schoolId, policyId);
  if (!existing || existing.archived_at !== null) {
    throw new AppError("not_found", `There is no policy ${policyId} in this school.`);
  }
  const now = new Date().toISOString();
  await ctx.trx
    .updateTable("notification_policies")
    .set({ archived_at: now, updated_at: now })
    .where("id", "=", policyId)
    .execute();
  await appendAudit(ctx, {
    event: "notification-policy.removed",
    schoolId,
    subject: { type: "notification-policy", id: policyId },
  });
}
