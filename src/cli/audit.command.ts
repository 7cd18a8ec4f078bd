/** `vigil audit verify`: walk every audit hash chain and name the first broken record. */
import type { Command } from "commander";
import { verifyAuditChains } from "../platform/audit/verify-audit-chains.js";
import { incidentRecordCheck } from "../incidents/verify-incident-records.js";
import { loadConfig } from "../platform/config/load-config.js";
import { withDatabase } from "./with-database.js";

/** Adds the `audit` command group. */
export function addAuditCommand(program: Command): void {
  const audit = program.command("audit").description("Work with the tamper-evident audit log");
  audit
    .command("verify")
    .description(
      "Check every school's audit chain; exits 1 and names the first altered, removed or reordered record",
    )
    .action(async () => {
      await withDatabase(async (database) => {
        const report = await verifyAuditChains(database.db, [incidentRecordCheck(loadConfig().dataDir)]);
        if (report.problems.length === 0) {
          process.stdout.write(
            `Audit log intact: ${report.records} records in ${report.chains} chains verified.\n`,
          );
          return;
        }
        for (const problem of report.problems) process.stderr.write(`TAMPERED ${problem.message}\n`);
        process.stderr.write(
          `${report.problems.length} of ${report.chains} chains are broken. Restore the database from a backup and investigate who had write access.\n`,
        );
        process.exitCode = 1;
      });
    });
}
