/**
 * A CSV file with a header row, read into rows that remember their line, so a bad cell can be
 * named by file, line and column. A file that cannot be parsed at all becomes one problem.
 */
import { parse } from "csv-parse/sync";
import type { ImportProblems } from "./import-problems.js";

export interface CsvRow {
  line: number;
  /** The cell under a header (trimmed; "" when the column is absent or empty). */
  cell(column: string): string;
}

export interface CsvTable {
  file: string;
  columns: readonly string[];
  rows: CsvRow[];
}

type ParsedRecord = { record: string[]; info: { lines: number } };

/**
 * The table in `text`, or undefined (with problems added) when it cannot be read or lacks one of
 * `required` columns. Header names are matched as written (OneRoster's are case-sensitive), but
 * surrounding spaces and a byte-order mark are ignored.
 */
export function readCsvTable(
  file: string,
  text: string,
  required: readonly string[],
  problems: ImportProblems,
  normaliseHeader: (name: string) => string = (name) => name,
): CsvTable | undefined {
  let records: ParsedRecord[];
  try {
    const parsed: unknown = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    });
    records = parsed as ParsedRecord[];
  } catch (error) {
    const line = typeof error === "object" && error !== null && "lines" in error ? Number(error.lines) : 0;
    const reason = error instanceof Error ? error.message : String(error);
    problems.add(file, Number.isFinite(line) ? line : 0, "", `the file cannot be read as CSV: ${reason}`);
    return undefined;
  }
  const header = records[0];
  if (!header) {
    problems.add(file, 0, "", "the file is empty: it needs a header row");
    return undefined;
  }
  const columns = header.record.map((name) => normaliseHeader(name.trim()));
  const missing = required.filter((column) => !columns.includes(column));
  for (const column of missing) problems.add(file, 1, column, `the column "${column}" is required`);
  if (missing.length > 0) return undefined;
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column) && column !== "") problems.add(file, 1, column, "this column appears twice");
    seen.add(column);
  }
  const rows = records.slice(1).map(({ record, info }): CsvRow => {
    // `info.lines` is the line the record ended on; a quoted cell may span lines, so this names the last.
    return {
      line: info.lines,
      cell: (column) => {
        const index = columns.indexOf(column);
        return index < 0 ? "" : (record[index] ?? "").trim();
      },
    };
  });
  return { file, columns, rows };
}
