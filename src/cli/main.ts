/**
 * The `vigil` command line. Each command lives in its own file and is added here; errors are
 * printed for a person with what to do next, and the process exits non-zero.
 */
import { Command, CommanderError } from "commander";
import { addAccessCommand } from "./access.command.js";
import { addAlertsCommand } from "./alerts.command.js";
import { addAttributionCommand } from "./attribution.command.js";
import { addAuditCommand } from "./audit.command.js";
import { addCategoriseCommand } from "./categorise.command.js";
import { exitCodeFor, printError } from "./cli-errors.js";
import { addJobsCommand } from "./jobs.command.js";
import { addDemoCommand } from "./demo.command.js";
import { addDirectoryCommand } from "./directory.command.js";
import { addIngestKeyCommand } from "./ingest-key.command.js";
import { addIngestCommand } from "./ingest.command.js";
import { addIncidentsCommand } from "./incidents.command.js";
import { addLibraryCommand } from "./library.command.js";
import { addMigrateCommand } from "./migrate.command.js";
import { addNotificationsCommand } from "./notifications.command.js";
import { addOverrideCommand } from "./override.command.js";
import { addScanCommand } from "./scan.command.js";
import { addServeCommand } from "./serve.command.js";
import { addSetupCommand } from "./setup.command.js";
import { addSsoCommand } from "./sso.command.js";
import { addTokenCommand } from "./token.command.js";
import { addUrlListsCommand } from "./url-lists.command.js";
import { addUserCommand } from "./user.command.js";

/** Builds the command tree (exported for tests of the help text). */
export function buildProgram(): Command {
  const program = new Command("vigil")
    .description("Vigil: online-safety monitoring and safeguarding incidents for schools")
    .showHelpAfterError("(run `vigil --help` to see the commands)")
    .exitOverride();
  addServeCommand(program);
  addSetupCommand(program);
  addMigrateCommand(program);
  addAuditCommand(program);
  addScanCommand(program);
  addCategoriseCommand(program);
  addLibraryCommand(program);
  addOverrideCommand(program);
  addIngestKeyCommand(program);
  addIngestCommand(program);
  addAttributionCommand(program);
  addIncidentsCommand(program);
  addDemoCommand(program);
  addAlertsCommand(program);
  addUserCommand(program);
  addSsoCommand(program);
  addDirectoryCommand(program);
  addTokenCommand(program);
  addUrlListsCommand(program);
  addNotificationsCommand(program);
  addAccessCommand(program);
  addJobsCommand(program);
  return program;
}

/** Runs the CLI with `argv` (as in `process.argv`). */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help).
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    printError(error);
    process.exitCode = exitCodeFor(error);
  }
}
