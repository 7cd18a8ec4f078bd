/**
 * Asks for access beyond one's role (for example a teacher asking to see a pupil's browsing), for
 * a reason and until a date. The SIRO decides; until then nothing changes.
 */
import { randomUUID } from "node:crypto";
import type { AccessRequestInput } from "../contracts/access-governance.contract.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import { abilitiesOf } from "../platform/authz/authorize.js";
import { actionDescriptions } from "../platform/authz/actions.js";
import type { Principal } from "../platform/authz/principal.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { maxGrantDays } from "./requestable-actions.js";

const dayMs = 24 * 60 * 60 * 1000;

/** Records a pending request; returns its id. */
export async function requestAccess(
  ctx: WriteContext,
  requester: Extract<Principal, { kind: "user" }>,
  schoolId: string,
  input: AccessRequestInput,
  now = new Date(),
): Promise<string> {
  const until = new Date(input.until);
  if (until.getTime() <= now.getTime()) {
    throw invalidUntil("Until must be in the future.");
  }
  if (until.getTime() - now.getTime() > maxGrantDays * dayMs) {
    throw invalidUntil(`Access beyond a role lasts at most ${maxGrantDays} days; ask again when it ends.`);
  }
  if (abilitiesOf(requester, schoolId).includes(input.action)) {
    throw new AppError("conflict", `You can already ${actionDescriptions[input.action]} here.`);
  }
  const pending = await ctx.trx
    .selectFrom("access_requests")
    .select("id")
    .where("school_id", "=", schoolId)
    .where("requester_id", "=", requester.userId)
    .where("action", "=", input.action)
    .where("status", "=", "pending")
    .executeTakeFirst();
  if (pending) {
    throw new AppError("conflict", "You already have a request for this access waiting for a decision.", {
      hint: "Withdraw it first if you want to change what you asked for.",
    });
  }
  const id = randomUUID();
  await ctx.trx
    .insertInto("access_requests")
    .values({
      id,
      school_id: schoolId,
      requester_id: requester.userId,
      action: input.action,
      subject: input.subject ?? null,
      reason: input.reason,
      requested_until: until.toISOString(),
      status: "pending",
      created_at: now.toISOString(),
    })
    .execute();
  await appendAudit(ctx, {
    event: "access.requested",
    schoolId,
    subject: { type: "access-request", id },
    data: {
      requesterId: requester.userId,
      action: input.action,
      subject: input.subject ?? null,
      until: until.toISOString(),
    },
  });
  return id;
}

function invalidUntil(message: string): AppError {
  return new AppError("validation_failed", message, { fields: [{ path: "until", message }] });
}
