/**
 * First-run setup as one transaction: the organisation, its first school, the first
 * administrator and their membership, each audited. Used by the setup page and `vigil setup`.
 */
import { randomUUID } from "node:crypto";
import type { VigilDatabase } from "../db/open-database.js";
import type { SetupRequest } from "../contracts/setup.contract.js";
import { hashPassword } from "../identity/password.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { Actor } from "../platform/context/actor.js";
import { inTransaction } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { createOrganisation } from "../schools/create-organisation.js";
import { createSchool } from "../schools/create-school.js";
import { isSetupComplete, markSetupComplete } from "./setup-state.js";

export interface SetupResult {
  organisationId: string;
  schoolId: string;
  adminUserId: string;
}

/** Completes setup; refuses with `setup_already_complete` when it was done before. */
export async function completeSetup(
  database: VigilDatabase,
  who: { actor: Actor; ip: string | null },
  input: SetupRequest,
): Promise<SetupResult> {
  const passwordHash = await hashPassword(input.admin.password);
  return inTransaction(database, who, async (ctx) => {
    if (await isSetupComplete(ctx.trx)) {
      throw new AppError("setup_already_complete", "Vigil is already set up.", {
        hint: "Sign in with the administrator account created at setup.",
      });
    }
    const organisationId = await createOrganisation(ctx, input.organisation);
    const schoolId = await createSchool(ctx, { organisationId, name: input.school.name });
    const adminUserId = randomUUID();
    const now = new Date().toISOString();
    await ctx.trx
      .insertInto("users")
      .values({
        id: adminUserId,
        email: input.admin.email,
        display_name: input.admin.name,
        password_hash: passwordHash,
        created_at: now,
        disabled_at: null,
      })
      .execute();
    await ctx.trx
      .insertInto("memberships")
      .values({
        id: randomUUID(),
        user_id: adminUserId,
        school_id: schoolId,
        role: "administrator",
        created_at: now,
      })
      .execute();
    await appendAudit(ctx, {
      event: "user.created",
      schoolId,
      subject: { type: "user", id: adminUserId },
      data: { email: input.admin.email },
    });
    await appendAudit(ctx, {
      event: "membership.granted",
      schoolId,
      subject: { type: "user", id: adminUserId },
      data: { role: "administrator" },
    });
    await appendAudit(ctx, { event: "setup.completed", schoolId: null, data: { organisationId, schoolId } });
    await markSetupComplete(ctx.trx);
    return { organisationId, schoolId, adminUserId };
  });
}
