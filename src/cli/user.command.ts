/**
 * `vigil user add|grant|revoke|unlock|disable|list`: staff accounts from the server's shell, for
 * the first accounts and for when nobody can sign in. The shell is trusted (it can read the
 * database anyway), so these skip the policies, but every change is audited as the operator.
 */
import type { Command } from "commander";
import { CreateUserRequestSchema, RoleSchema } from "../contracts/identity-admin.contract.js";
import { hashPassword } from "../identity/password.js";
import { roles } from "../identity/roles.js";
import { findMembers } from "../identity/user.repository.js";
import { createUser } from "../identity/users/create-user.js";
import { AccountExpiryRequestSchema } from "../contracts/identity-admin.contract.js";
import { disableUser } from "../identity/users/disable-user.js";
import { resetTwoFactor } from "../identity/two-factor/reset-two-factor.js";
import { setAccountExpiry } from "../identity/users/set-account-expiry.js";
import { grantRole } from "../identity/users/grant-role.js";
import { revokeRole } from "../identity/users/revoke-role.js";
import { unlockUser } from "../identity/users/unlock-user.js";
import { validationError } from "../platform/errors/app-error.js";
import { scopeOf } from "../schools/school-scope.js";
import { operatorScope } from "../schools/school.repository.js";
import { usageError } from "./cli-errors.js";
import { readStdin } from "./read-stdin.js";
import { resolveSchool, resolveUser } from "./resolve-school.js";
import { asOperator, withDatabase } from "./with-database.js";

const roleList = roles.join(", ");

/** Adds the `user` command group. */
export function addUserCommand(program: Command): void {
  const user = program.command("user").description("Manage staff accounts and their roles");

  user
    .command("add")
    .description("Create a staff account with a role in a school")
    .requiredOption("--email <email>", "their email address (their sign-in)")
    .requiredOption("--name <name>", "their name as shown in Vigil")
    .requiredOption("--school <school>", "the school's name or id")
    .requiredOption("--role <role>", `one of ${roleList}`)
    .option("--password-stdin", "read their first password from standard input (else VIGIL_USER_PASSWORD)")
    .action(
      async (options: {
        email: string;
        name: string;
        school: string;
        role: string;
        passwordStdin?: boolean;
      }) => {
        const password = options.passwordStdin ? await readStdin() : process.env.VIGIL_USER_PASSWORD;
        if (password === undefined) {
          throw usageError(
            "No password given.",
            "Pipe it in with --password-stdin, or set VIGIL_USER_PASSWORD.",
          );
        }
        await withDatabase(async (database) => {
          const schoolId = await resolveSchool(database.db, options.school);
          const parsed = CreateUserRequestSchema.safeParse({ ...options, password, schoolId });
          if (!parsed.success) throw validationError(parsed.error.issues, "The new account");
          const passwordHash = await hashPassword(parsed.data.password);
          const id = await asOperator(database, (ctx) => createUser(ctx, { ...parsed.data, passwordHash }));
          process.stdout.write(`Created ${parsed.data.email} (${id}) as ${parsed.data.role}.\n`);
        });
      },
    );

  for (const verb of ["grant", "revoke"] as const) {
    user
      .command(`${verb} <email>`)
      .description(verb === "grant" ? "Give an account a role in a school" : "Take a role in a school away")
      .requiredOption("--school <school>", "the school's name or id")
      .requiredOption("--role <role>", `one of ${roleList}`)
      .action(async (email: string, options: { school: string; role: string }) => {
        const role = RoleSchema.safeParse(options.role);
        if (!role.success)
          throw validationError(
            role.error.issues.map((issue) => ({ ...issue, path: ["role"] })),
            "The role",
          );
        await withDatabase(async (database) => {
          const change = {
            userId: await resolveUser(database.db, email),
            schoolId: await resolveSchool(database.db, options.school),
            role: role.data,
          };
          if (verb === "grant") {
            const granted = await asOperator(database, (ctx) => grantRole(ctx, change));
            process.stdout.write(
              granted ? `Granted ${role.data} to ${email}.\n` : `${email} already has ${role.data} there.\n`,
            );
          } else {
            await asOperator(database, (ctx) => revokeRole(ctx, change));
            process.stdout.write(`Revoked ${role.data} from ${email}.\n`);
          }
        });
      });
  }

  user
    .command("unlock <email>")
    .description("Unlock an account locked by failed sign-ins")
    .action(async (email: string) => {
      await withDatabase(async (database) => {
        const userId = await resolveUser(database.db, email);
        const wasLocked = await asOperator(database, (ctx) => unlockUser(ctx, userId));
        process.stdout.write(
          wasLocked ? `Unlocked ${email}.\n` : `${email} was not locked; failed attempts cleared.\n`,
        );
      });
    });

  user
    .command("disable <email>")
    .description("Disable an account (a leaver): it cannot sign in and its sessions end at once")
    .action(async (email: string) => {
      await withDatabase(async (database) => {
        const userId = await resolveUser(database.db, email);
        const disabled = await asOperator(database, (ctx) => disableUser(ctx, userId));
        process.stdout.write(disabled ? `Disabled ${email}.\n` : `${email} was already disabled.\n`);
      });
    });

  user
    .command("reset-two-factor <email>")
    .description("Reset someone's two-factor (a lost phone): their sessions end and they set it up again")
    .action(async (email: string) => {
      await withDatabase(async (database) => {
        const userId = await resolveUser(database.db, email);
        const reset = await asOperator(database, (ctx) => resetTwoFactor(ctx, userId));
        process.stdout.write(
          reset
            ? `Reset two-factor for ${email}; they set it up again at their next sign-in.\n`
            : `${email} had no two-factor set up.\n`,
        );
      });
    });

  user
    .command("expire <email>")
    .description("Set when a guest or supply account ends by itself (it then cannot sign in)")
    .option("--on <date>", "when, as an ISO date-time, e.g. 2026-12-18T16:00:00Z")
    .option("--never", "remove the expiry")
    .action(async (email: string, options: { on?: string; never?: boolean }) => {
      if ((options.on === undefined) === (options.never !== true)) {
        throw usageError("Give either --on <date> or --never.");
      }
      const parsed = AccountExpiryRequestSchema.safeParse({ expiresAt: options.never ? null : options.on });
      if (!parsed.success) throw usageError(parsed.error.issues[0]?.message ?? "--on is not a date-time.");
      const expiresAt = parsed.data.expiresAt === null ? null : new Date(parsed.data.expiresAt).toISOString();
      await withDatabase(async (database) => {
        const userId = await resolveUser(database.db, email);
        await asOperator(database, (ctx) => setAccountExpiry(ctx, { userId, expiresAt }));
        process.stdout.write(
          expiresAt === null ? `${email} no longer expires.\n` : `${email} ends at ${expiresAt}.\n`,
        );
      });
    });

  user
    .command("list")
    .description("List the staff of one school, or of every school")
    .option("--school <school>", "the school's name or id")
    .action(async (options: { school?: string }) => {
      await withDatabase(async (database) => {
        const scope = options.school
          ? scopeOf([await resolveSchool(database.db, options.school)])
          : await operatorScope(database.db);
        const members = await findMembers(database.db, scope);
        for (const member of members) {
          const state = member.disabled_at ? " [disabled]" : member.locked_at ? " [locked]" : "";
          const held = member.memberships.map((membership) => membership.role).join(", ");
          process.stdout.write(`${member.email}\t${member.display_name}\t${held}${state}\n`);
        }
        if (members.length === 0) process.stdout.write("No accounts.\n");
      });
    });
}
