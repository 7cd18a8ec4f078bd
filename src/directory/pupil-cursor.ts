/** Keyset cursors for the pupil list: the (family name, given name, id) of the last row shown. */
import { AppError } from "../platform/errors/app-error.js";

export type PupilCursor = [familyName: string, givenName: string, id: string];

/** The opaque cursor for the row after which the next page starts. */
export function encodePupilCursor(cursor: PupilCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The position a cursor names; a cursor Vigil did not give out is a validation error. */
export function decodePupilCursor(text: string): PupilCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((part) => typeof part === "string")) {
      return parsed as PupilCursor;
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError("validation_failed", "The cursor is not one Vigil gave out.", {
    hint: "Start again from the first page.",
    fields: [{ path: "cursor", message: "not a cursor Vigil gave out: start again from the first page" }],
  });
}
