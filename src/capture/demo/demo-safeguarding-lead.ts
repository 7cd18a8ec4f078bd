/**
 * The account a newcomer signs in with after `vigil demo`: the school's first administrator cannot
 * see alerts about pupils (least privilege), so the demo makes a designated safeguarding lead to
 * triage what it sent. Made once per school; its password is shown only when it is made.
 */
import { randomBytes } from "node:crypto";
import type { VigilDatabase } from "../../db/open-database.js";
import { hashPassword } from "../../identity/password.js";
import { findUserByEmail } from "../../identity/user.repository.js";
import { createUser } from "../../identity/users/create-user.js";
import type { Actor } from "../../platform/context/actor.js";
import { inTransaction } from "../../platform/context/write-context.js";

/** The demo lead's address for a school; `.invalid` can never reach a real mailbox. */
export function demoLeadEmail(schoolId: string): string {
  return `safeguarding-lead.${schoolId.slice(0, 8)}@demo.invalid`;
}

/** Creates the demo lead if missing; the password is returned only when the account is new. */
export async function ensureDemoSafeguardingLead(
  database: VigilDatabase,
  actor: Actor,
  schoolId: string,
): Promise<{ email: string; password: string | null }> {
  const email = demoLeadEmail(schoolId);
  if (await findUserByEmail(database.db, email)) return { email, password: null };
  // Four groups of five hex digits (80 random bits): passes the password policy, easy to type.
  const password = (randomBytes(10).toString("hex").match(/.{5}/g) ?? []).join("-");
  const passwordHash = await hashPassword(password);
  await inTransaction(database, { actor, ip: null }, (ctx) =>
    createUser(ctx, {
      email,
      name: "Demo safeguarding lead",
      passwordHash,
      schoolId,
      role: "designated-safeguarding-lead",
    }),
  );
  return { email, password };
}
