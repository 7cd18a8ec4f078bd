/** The one error type that crosses layers: a stable id, a message for people, optional details. */
import { errorStatuses, type ErrorId } from "./error-ids.js";

export interface ErrorDetails {
  /** What the person can do about it. */
  hint?: string;
  /** Field-level problems, by path (`admin.email`, `events[3].time`). */
  fields?: { path: string; message: string }[];
}

export class AppError extends Error {
  readonly id: ErrorId;
  readonly status: number;
  readonly details: ErrorDetails;

  constructor(id: ErrorId, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = "AppError";
    this.id = id;
    this.status = errorStatuses[id];
    this.details = details;
  }
}

/** Turns a Zod error into a validation error that names each field and what was wrong. */
export function validationError(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  what = "The request",
): AppError {
  const fields = issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  const summary = fields.map((field) => `${field.path || "(body)"}: ${field.message}`).join("; ");
  return new AppError("validation_failed", `${what} is not valid: ${summary}`, { fields });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`,
    )
    .join("");
}
