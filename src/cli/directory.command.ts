/**
 * `vigil directory import|pupils`: the school's pupils and staff from the MIS, from the server's
 * shell. Import reads a OneRoster 1.1 bundle (a folder or a .zip) or a simple pupil CSV, checks
 * every row before anything is stored, and prints what changed; pupils lists the directory
 * (an audited read of pupil data, recorded as the operator).
 */
import type { Command } from "commander";
import {
  directoryFormats,
  PupilListQuerySchema,
  type DirectoryFormat,
  type DirectoryImportReport,
} from "../contracts/directory.contract.js";
import { findPupils } from "../directory/pupil.repository.js";
import { readBundlePath } from "../directory/read-bundle-path.js";
import { readImportFiles } from "../directory/read-import-files.js";
import { runDirectoryImport } from "../directory/run-directory-import.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import { cliActor } from "../platform/context/actor.js";
import { validationError } from "../platform/errors/app-error.js";
import { scopeOf } from "../schools/school-scope.js";
import { usageError } from "./cli-errors.js";
import { resolveSchool } from "./resolve-school.js";
import { asOperator, withDatabase } from "./with-database.js";

interface ImportOptions {
  school?: string;
  format?: string;
  dryRun?: boolean;
  org?: string;
}

/** Adds the `directory` command group. */
export function addDirectoryCommand(program: Command): void {
  const directory = program
    .command("directory")
    .description("The school's pupils, staff and devices, imported from the MIS");

  directory
    .command("import")
    .description("Import a OneRoster 1.1 CSV bundle (folder or .zip), a simple pupil CSV, or a devices CSV")
    .argument("<path>", "the bundle folder, its .zip, or the CSV file")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option(
      "--format <format>",
      `${directoryFormats.join(", ")} (default: oneroster for a folder or .zip, csv for a file)`,
    )
    .option("--org <sourcedId>", "the bundle's org for this school, when its name differs")
    .option("--dry-run", "check and report what would change, and store nothing")
    .action(async (path: string, options: ImportOptions) => {
      const format = formatOption(options.format);
      const progress = (line: string) => process.stderr.write(`${line}\n`);
      const bundle = await readBundlePath(path);
      const names = Object.keys(bundle.files);
      progress(`Read ${names.length} file(s) from ${path}: ${names.join(", ")}.`);
      const snapshot = readImportFiles(format ?? bundle.format, bundle.files);
      progress(
        `Checked every row: ${snapshot.pupils.length} pupil(s), ${snapshot.staff.length} member(s) of staff` +
          `${snapshot.full ? " (the full list: anyone missing has left)" : " (a delta)"}.`,
      );
      await withDatabase(async (database) => {
        const schoolId = await resolveSchool(database.db, options.school);
        progress(
          options.dryRun ? "Comparing with the directory (dry run)..." : "Importing in one transaction...",
        );
        const report = await runDirectoryImport(
          database,
          { actor: cliActor(), ip: null },
          schoolId,
          snapshot,
          {
            dryRun: options.dryRun ?? false,
            orgSourcedId: options.org,
          },
        );
        process.stdout.write(describeReport(report));
      });
    });

  directory
    .command("pupils")
    .description("List pupils by name (an audited read)")
    .option("--school <school>", "school id or name (optional when there is only one)")
    .option("--search <text>", "part of a name or username")
    .option("--year <yearGroup>", "only this year group")
    .option("--form <form>", "only this form")
    .option("--status <status>", "active, left or all", "active")
    .option("--limit <n>", "at most this many", "200")
    .action(
      async (options: {
        school?: string;
        search?: string;
        year?: string;
        form?: string;
        status: string;
        limit: string;
      }) => {
        const parsed = PupilListQuerySchema.safeParse({
          q: options.search,
          yearGroup: options.year,
          form: options.form,
          status: options.status,
          limit: options.limit,
        });
        if (!parsed.success) throw validationError(parsed.error.issues, "The options");
        await withDatabase(async (database) => {
          const schoolId = await resolveSchool(database.db, options.school);
          const { pupils } = await asOperator(database, async (ctx) => {
            const page = await findPupils(ctx.trx, scopeOf([schoolId]), schoolId, parsed.data);
            await appendAudit(ctx, {
              event: "directory.viewed",
              schoolId,
              subject: { type: "pupil-list", id: schoolId },
              data: { search: parsed.data.q ?? null, status: parsed.data.status, shown: page.pupils.length },
            });
            return page;
          });
          for (const pupil of pupils) {
            const flags = [pupil.sen ? "SEN" : "", pupil.eal ? "EAL" : ""].filter(Boolean).join(" ");
            process.stdout.write(
              [
                `${pupil.familyName}, ${pupil.givenName}`,
                pupil.yearGroup ?? "-",
                pupil.form ?? "-",
                pupil.status === "left" ? `left ${pupil.leftOn ?? ""}` : "active",
                pupil.identifiers.join(" "),
                flags,
              ]
                .join("\t")
                .trimEnd() + "\n",
            );
          }
          process.stderr.write(`${pupils.length} pupil(s).\n`);
        });
      },
    );
}

function formatOption(value: string | undefined): DirectoryFormat | undefined {
  if (value === undefined) return undefined;
  if ((directoryFormats as readonly string[]).includes(value)) return value as DirectoryFormat;
  throw usageError(`--format must be ${directoryFormats.join(" or ")}, not "${value}".`);
}

/** The summary a person reads after an import. */
export function describeReport(report: DirectoryImportReport): string {
  const line = (what: string, counts: DirectoryImportReport["pupils"]) =>
    `  ${what}: ${counts.added} added, ${counts.changed} changed, ${counts.left} left, ${counts.unchanged} unchanged\n`;
  return (
    `${report.dryRun ? "Dry run (nothing stored)" : "Imported"}: ${report.added} added, ${report.changed} changed, ` +
    `${report.left} left, ${report.unchanged} unchanged.\n` +
    (report.org ? `  org: ${report.org.name} (${report.org.sourcedId})\n` : "") +
    line("pupils", report.pupils) +
    line("staff", report.staff) +
    (report.format === "devices" ? line("devices", report.devices) : "") +
    (report.ignored > 0 ? `  ${report.ignored} parent or guardian row(s) not kept\n` : "") +
    (report.accountsDisabled + report.rolesRemoved > 0
      ? `  staff leavers: ${report.accountsDisabled} Vigil account(s) disabled, ${report.rolesRemoved} with roles here removed\n`
      : "") +
    (report.left > 0 ? "  Leavers' usernames are no longer monitored.\n" : "")
  );
}
