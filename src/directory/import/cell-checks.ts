/** Checks shared by the CSV readers: dates, yes/no flags and email addresses, each naming the cell. */
import { z } from "zod";
import type { CsvRow } from "./csv-table.js";
import type { ImportProblems } from "./import-problems.js";

const emailSchema = z.email();
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD date (a date-time is cut to its date), null when empty; a problem when invalid. */
export function dateCell(row: CsvRow, file: string, column: string, problems: ImportProblems): string | null {
  const value = row.cell(column);
  if (value === "") return null;
  const date = value.slice(0, 10);
  if (isoDate.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    if (new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date) return date;
  }
  problems.add(file, row.line, column, `"${value}" is not a date: write it as YYYY-MM-DD`);
  return null;
}

const yes = new Set(["y", "yes", "true", "1"]);
const no = new Set(["", "n", "no", "false", "0"]);

/** A yes/no flag (y, yes, true, 1 / n, no, false, 0, empty); a problem for anything else. */
export function flagCell(row: CsvRow, file: string, column: string, problems: ImportProblems): boolean {
  const value = row.cell(column).toLowerCase();
  if (yes.has(value)) return true;
  if (no.has(value)) return false;
  problems.add(file, row.line, column, `"${row.cell(column)}" is not yes or no`);
  return false;
}

/** A lower-cased email address, null when empty; a problem when it is not a valid address. */
export function emailCell(
  row: CsvRow,
  file: string,
  column: string,
  problems: ImportProblems,
): string | null {
  const value = row.cell(column);
  if (value === "") return null;
  if (emailSchema.safeParse(value).success) return value.toLowerCase();
  problems.add(file, row.line, column, `"${value}" is not a valid email address`);
  return null;
}

/** A required text cell of at most `max` characters; a problem when empty or too long. */
export function textCell(
  row: CsvRow,
  file: string,
  column: string,
  problems: ImportProblems,
  max = 200,
): string {
  const value = row.cell(column);
  if (value === "") problems.add(file, row.line, column, `${column} is required`);
  else if (value.length > max)
    problems.add(file, row.line, column, `${column} is longer than ${max} characters`);
  return value.slice(0, max);
}

/** An optional text cell (null when empty), cut to `max` characters with a problem when longer. */
export function optionalTextCell(
  row: CsvRow,
  file: string,
  column: string,
  problems: ImportProblems,
  max = 200,
): string | null {
  const value = row.cell(column);
  if (value === "") return null;
  if (value.length > max) problems.add(file, row.line, column, `${column} is longer than ${max} characters`);
  return value.slice(0, max);
}
