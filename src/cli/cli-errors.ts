/** How the CLI reports failure: a clear message, what to do next, and a meaningful exit code. */
import { AppError } from "../platform/errors/app-error.js";

/** Exit code 2 means the configuration or the command line was wrong; 1 means the work failed. */
export function exitCodeFor(error: unknown): number {
  return error instanceof AppError && (error.id === "invalid_setting" || error.id === "validation_failed")
    ? 2
    : 1;
}

/** Prints an error for a person at a terminal. */
export function printError(error: unknown): void {
  if (error instanceof AppError) {
    process.stderr.write(`vigil: ${error.message}\n`);
    for (const field of error.details.fields ?? [])
      process.stderr.write(`  - ${field.path}: ${field.message}\n`);
    if (error.details.hint) process.stderr.write(`${error.details.hint}\n`);
    return;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`vigil: unexpected error: ${message}\n`);
}

/** Raised for bad command-line input; exits with code 2. */
export function usageError(message: string, hint?: string): AppError {
  return new AppError("validation_failed", message, hint === undefined ? {} : { hint });
}
