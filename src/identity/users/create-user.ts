/**
 * Creates a staff account with its first role in a school. The password is checked against the
 * policy and hashed before the transaction opens, so the slow hash never holds a write lock.
 */
import { randomUUID } from "node:crypto";
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { WriteContext } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import type { Role } from "../roles.js";
import { grantRole } from "./grant-role.js";

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  schoolId: string;
  role: Role;
}

/** Inserts the user and their membership, both audited; returns the new id. */
export async function createUser(ctx: WriteContext, input: NewUser): Promise<string> {
  const email = input.email.toLowerCase();
  const taken = await ctx.trx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) {
    throw new AppError("conflict", `There is already an account for ${email}.`, {
      fields: [{ path: "email", message: "This email address already has an account" }],
      hint: "Grant that account a role in this school instead.",
    });
  }
  const id = randomUUID();
  await ctx.trx
    .insertInto("users")
    .values({
      id,
      email,
      display_name: input.name,
      password_hash: input.passwordHash,
      created_at: new Date().toISOString(),
      disabled_at: null,
    })
    .execute();
  await appendAudit(ctx, {
    event: "user.created",
    schoolId: input.schoolId,
    subject: { type: "user", id },
    data: { email },
  });
  await grantRole(ctx, { userId: id, schoolId: input.schoolId, role: input.role });
  return id;
}
