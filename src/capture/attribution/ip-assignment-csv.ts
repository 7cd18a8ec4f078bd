/**
 * Reads an IP-assignment CSV (a header row, then `ip,device,user,starts_at,ends_at,source`; the
 * columns in any order, device or user may be left out). Every bad row is named by its line and
 * column, and one bad row refuses the whole file, so an import is never half applied.
 */
import { parse } from "csv-parse/sync";
import { IpAssignmentSchema, type IpAssignment } from "../../contracts/ip-assignment.contract.js";
import { AppError } from "../../platform/errors/app-error.js";

export const ipAssignmentCsvColumns = ["ip", "device", "user", "starts_at", "ends_at", "source"] as const;
type Column = (typeof ipAssignmentCsvColumns)[number];

const requiredColumns: readonly Column[] = ["ip", "starts_at"];
/** Problems listed in the error; the rest are counted. */
const problemsListed = 20;

const columnOfField: Record<string, Column> = {
  ip: "ip",
  device: "device",
  user: "user",
  startsAt: "starts_at",
  endsAt: "ends_at",
  source: "source",
};

/** The assignments in `text`, validated; an empty `source` cell means `csv`. */
export function readIpAssignmentCsv(text: string): IpAssignment[] {
  const records = parseCsv(text);
  const header = records[0]?.record;
  if (!header) throw csvError("The CSV is empty: it needs a header row and at least one assignment.", []);
  const columns = checkHeader(header);
  const problems: { path: string; message: string }[] = [];
  const assignments: IpAssignment[] = [];
  for (const { record, info } of records.slice(1)) {
    const cell = (column: Column) => {
      const index = columns.indexOf(column);
      const value = index < 0 ? "" : (record[index] ?? "");
      return value === "" ? undefined : value;
    };
    const parsed = IpAssignmentSchema.safeParse({
      ip: cell("ip") ?? "",
      device: cell("device"),
      user: cell("user"),
      startsAt: cell("starts_at") ?? "",
      endsAt: cell("ends_at"),
      source: cell("source") ?? "csv",
    });
    if (parsed.success) {
      assignments.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = columnOfField[String(issue.path[0])] ?? "row";
      problems.push({ path: `line ${info.lines}, ${column}`, message: issue.message });
    }
  }
  if (problems.length > 0) {
    const more = problems.length > problemsListed ? ` (and ${problems.length - problemsListed} more)` : "";
    const listed = problems.slice(0, problemsListed);
    throw csvError(
      `The CSV has ${problems.length} problem(s); nothing was imported. ` +
        listed.map((problem) => `${problem.path}: ${problem.message}`).join("; ") +
        more,
      listed,
    );
  }
  if (assignments.length === 0) throw csvError("The CSV has a header row but no assignments.", []);
  return assignments;
}

type CsvRecord = { record: string[]; info: { lines: number } };

function parseCsv(text: string): CsvRecord[] {
  try {
    // With `info`, each record comes with the line it ended on, for naming a bad row.
    const records: unknown = parse(text, { bom: true, trim: true, skip_empty_lines: true, info: true });
    return records as CsvRecord[];
  } catch (error) {
    const line = typeof error === "object" && error !== null && "lines" in error ? String(error.lines) : "?";
    const reason = error instanceof Error ? error.message : String(error);
    throw csvError(`The CSV cannot be read at line ${line}: ${reason}`, []);
  }
}

function checkHeader(header: readonly string[]): Column[] {
  const names = header.map((name) => name.toLowerCase());
  const unknown = names.filter((name) => !(ipAssignmentCsvColumns as readonly string[]).includes(name));
  const missing = requiredColumns.filter((column) => !names.includes(column));
  if (unknown.length > 0 || missing.length > 0) {
    const problems = [
      ...unknown.map((name) => ({ path: "line 1", message: `unknown column "${name}"` })),
      ...missing.map((column) => ({ path: "line 1", message: `the column "${column}" is required` })),
    ];
    throw csvError(
      `The CSV's header row is not valid: ${problems.map((problem) => problem.message).join("; ")}.`,
      problems,
    );
  }
  return names as Column[];
}

function csvError(message: string, fields: { path: string; message: string }[]): AppError {
  return new AppError("validation_failed", message, {
    fields,
    hint: `Columns: ${ipAssignmentCsvColumns.join(", ")} (a header row first; times in ISO 8601).`,
  });
}
