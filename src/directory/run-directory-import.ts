/**
 * Runs an import as one transaction. A dry run does all the work, reports it, then rolls back,
 * so the report shows exactly what a real import would change.
 */
import type { DirectoryImportReport } from "../contracts/directory.contract.js";
import type { VigilDatabase } from "../db/open-database.js";
import type { Actor } from "../platform/context/actor.js";
import { inTransaction } from "../platform/context/write-context.js";
import type { DirectorySnapshot } from "./import/directory-snapshot.js";
import { importDirectory, type ImportOptions } from "./import-directory.js";

class DryRunRollback extends Error {
  constructor(readonly report: DirectoryImportReport) {
    super("dry run: rolled back");
  }
}

/** Imports `snapshot` into `schoolId` (or, with `dryRun`, reports what it would do). */
export async function runDirectoryImport(
  database: VigilDatabase,
  who: { actor: Actor; ip: string | null },
  schoolId: string,
  snapshot: DirectorySnapshot,
  options: ImportOptions = {},
): Promise<DirectoryImportReport> {
  try {
    return await inTransaction(database, who, async (ctx) => {
      const report = await importDirectory(ctx, schoolId, snapshot, options);
      if (options.dryRun) throw new DryRunRollback(report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}
