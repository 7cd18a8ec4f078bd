/** Turns the files of an import request into a snapshot, by format. */
import type { DirectoryFormat } from "../contracts/directory.contract.js";
import { AppError } from "../platform/errors/app-error.js";
import type { DirectorySnapshot } from "./import/directory-snapshot.js";
import { readDeviceCsv } from "./import/read-device-csv.js";
import { readOneRosterBundle } from "./import/read-oneroster-bundle.js";
import { readSimplePupilCsv } from "./import/read-simple-pupil-csv.js";

/** The snapshot in `files`; a simple pupil CSV or devices CSV import takes exactly one file. */
export function readImportFiles(
  format: DirectoryFormat,
  files: Readonly<Record<string, string>>,
  today = new Date().toISOString().slice(0, 10),
): DirectorySnapshot {
  if (format === "oneroster") return readOneRosterBundle(files, today);
  const entries = Object.entries(files);
  const [only] = entries;
  if (entries.length !== 1 || !only) {
    throw new AppError("validation_failed", `A ${format} import takes exactly one CSV file.`, {
      fields: [{ path: "files", message: `send one CSV, not ${entries.length}` }],
      hint: "For a OneRoster bundle, choose the oneroster format.",
    });
  }
  return format === "devices" ? readDeviceCsv(only[0], only[1]) : readSimplePupilCsv(only[0], only[1]);
}
