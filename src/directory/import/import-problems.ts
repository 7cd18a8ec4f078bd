/**
 * What is wrong with an import, row by row: each problem names the file, the line, the column and
 * the reason, and one problem refuses the whole import (nothing is half applied).
 */
import { directoryLimits } from "../../contracts/directory.contract.js";
import { AppError } from "../../platform/errors/app-error.js";

export interface ImportProblem {
  file: string;
  /** 1-based line in the file; 0 for the file as a whole. */
  line: number;
  column: string;
  reason: string;
}

/** Collects problems while files are read; `refuse` throws them all as one named error. */
export class ImportProblems {
  readonly list: ImportProblem[] = [];

  add(file: string, line: number, column: string, reason: string): void {
    this.list.push({ file, line, column, reason });
  }

  get count(): number {
    return this.list.length;
  }

  /** Throws `validation_failed` naming every problem (up to the listing limit) when there is any. */
  refuseIfAny(hint: string): void {
    if (this.list.length === 0) return;
    throw problemsError(this.list, hint);
  }
}

/** The error for a list of problems: the message names them, `fields` carries each one. */
export function problemsError(problems: readonly ImportProblem[], hint: string): AppError {
  const listed = problems.slice(0, directoryLimits.problemsListed);
  const more = problems.length > listed.length ? ` (and ${problems.length - listed.length} more)` : "";
  const fields = listed.map((problem) => ({ path: problemPath(problem), message: problem.reason }));
  return new AppError(
    "validation_failed",
    `The import has ${problems.length} problem(s); nothing was imported. ` +
      fields.map((field) => `${field.path}: ${field.message}`).join("; ") +
      more,
    { fields, hint },
  );
}

/** `users.csv line 4, email`, or `manifest.csv` for a file-wide problem. */
export function problemPath(problem: ImportProblem): string {
  if (problem.line === 0) return problem.column ? `${problem.file}, ${problem.column}` : problem.file;
  return `${problem.file} line ${problem.line}, ${problem.column}`;
}
