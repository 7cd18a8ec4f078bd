/**
 * Keyset cursors for the activity explorer: the (time, id) of the last row shown, so the next
 * page starts just after it through the index, however deep (never OFFSET).
 */
import { AppError } from "../../platform/errors/app-error.js";

export interface ActivityCursor {
  time: string;
  id: string;
}

/** The opaque cursor for the row after which the next page starts. */
export function encodeCursor(cursor: ActivityCursor): string {
  return Buffer.from(JSON.stringify([cursor.time, cursor.id])).toString("base64url");
}

/** The position a cursor names; a cursor Vigil did not give out is a validation error. */
export function decodeCursor(text: string): ActivityCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === "string")) {
      return { time: parsed[0] as string, id: parsed[1] as string };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("validation_failed", "The cursor is not one Vigil gave out.", {
    hint: "Start again from the first page.",
    fields: [
      { path: "cursor", message: "The cursor is not one Vigil gave out: start again from the first page" },
    ],
  });
}
