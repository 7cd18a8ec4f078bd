/**
 * `vigil jobs run-due`: one pass of the background job queue (notification routing, escalation
 * deadlines, deliveries, digests, the nightly retention purge), for servers that run it from cron
 * (`* * * * *`) rather than in `vigil serve`.
 */
import type { Command } from "commander";
import { backgroundScheduler } from "../background/background-scheduler.js";
import { loadConfig } from "../platform/config/load-config.js";
import { withDatabase } from "./with-database.js";

/** Adds the `jobs` command group. */
export function addJobsCommand(program: Command): void {
  const jobs = program.command("jobs").description("Vigil's background job queue");
  jobs
    .command("run-due")
    .description("Run every job that is due, once, then exit")
    .action(async () => {
      await withDatabase(async (database) => {
        const summary = await backgroundScheduler(database, { config: loadConfig() }).runOnce();
        process.stdout.write(
          `Ran ${String(summary.ran)} jobs: ${String(summary.succeeded)} succeeded, ` +
            `${String(summary.skipped)} skipped, ${String(summary.failed)} failed.\n`,
        );
      });
    });
}
