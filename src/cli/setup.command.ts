/**
 * `vigil setup`: first-run setup from the server's shell, the same command the setup page runs.
 * The password comes from standard input or VIGIL_SETUP_PASSWORD, never from the command line
 * (which other users of the machine can see).
 */
import type { Command } from "commander";
import { SetupRequestSchema } from "../contracts/setup.contract.js";
import { cliActor } from "../platform/context/actor.js";
import { validationError } from "../platform/errors/app-error.js";
import { completeSetup } from "../setup/complete-setup.js";
import { isSetupComplete, issueSetupToken } from "../setup/setup-state.js";
import { usageError } from "./cli-errors.js";
import { readStdin } from "./read-stdin.js";
import { openConfiguredDatabase } from "./open-configured-database.js";

interface SetupOptions {
  organisation?: string;
  kind: string;
  school?: string;
  adminName?: string;
  adminEmail?: string;
  passwordStdin?: boolean;
  link?: boolean;
}

/** Adds the `setup` command. */
export function addSetupCommand(program: Command): void {
  program
    .command("setup")
    .description("Create the organisation, the first school and the first administrator")
    .option(
      "--organisation <name>",
      "the organisation's name (a trust, local authority, or the school itself)",
    )
    .option("--kind <kind>", "standalone, trust, local-authority or consortium", "standalone")
    .option("--school <name>", "the first school's name")
    .option("--admin-name <name>", "the first administrator's name")
    .option("--admin-email <email>", "the first administrator's email (their sign-in)")
    .option(
      "--password-stdin",
      "read the administrator's password from standard input (else VIGIL_SETUP_PASSWORD)",
    )
    .option("--link", "print a new one-time setup link for the browser instead")
    .action(async (options: SetupOptions) => {
      const { config, database } = await openConfiguredDatabase();
      try {
        if (await isSetupComplete(database.db)) {
          process.stdout.write(
            "Vigil is already set up. Sign in with the administrator account created at setup.\n",
          );
          return;
        }
        if (options.link) {
          const token = await issueSetupToken(database.db);
          process.stdout.write(
            `Open this one-time link to finish setup: ${config.publicUrl}/setup?token=${token}\n`,
          );
          return;
        }
        const password = options.passwordStdin ? await readStdin() : process.env.VIGIL_SETUP_PASSWORD;
        if (password === undefined) {
          throw usageError(
            "No password given.",
            "Pipe it in with --password-stdin, or set VIGIL_SETUP_PASSWORD.",
          );
        }
        const parsed = SetupRequestSchema.safeParse({
          organisation: { name: options.organisation, kind: options.kind },
          school: { name: options.school ?? options.organisation },
          admin: { name: options.adminName, email: options.adminEmail, password },
        });
        if (!parsed.success) throw validationError(parsed.error.issues, "The setup details");
        const result = await completeSetup(database, { actor: cliActor(), ip: null }, parsed.data);
        process.stdout.write(
          `Vigil is set up: organisation ${parsed.data.organisation.name}, school ${parsed.data.school.name} (${result.schoolId}), administrator ${parsed.data.admin.email}.\nNext: start Vigil with \`npm start\` and sign in at ${config.publicUrl}/\n`,
        );
      } finally {
        await database.close();
      }
    });
}
