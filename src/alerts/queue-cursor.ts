/**
 * The triage queue's keyset cursor: the sort key of the last row of a page, opaque to clients
 * (base64url JSON). A cursor made for one sort order is refused by the other.
 */
import { AppError } from "../platform/errors/app-error.js";

export type QueueCursor =
  | { sort: "newest"; lastSeen: string; id: string }
  | { sort: "severity"; severity: number; lastSeen: string; id: string };

/** The cursor after `row` in `sort` order. */
export function encodeQueueCursor(
  sort: "newest" | "severity",
  row: { severity: number; last_seen: string; id: string },
): string {
  const key = sort === "newest" ? [sort, row.last_seen, row.id] : [sort, row.severity, row.last_seen, row.id];
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The cursor's key; `validation_failed` naming `cursor` when it is not one of ours for this sort. */
export function decodeQueueCursor(cursor: string, sort: "newest" | "severity"): QueueCursor {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = null;
  }
  if (Array.isArray(key)) {
    const [kind, a, b, c] = key as unknown[];
    if (sort === "newest" && kind === "newest" && typeof a === "string" && typeof b === "string")
      return { sort, lastSeen: a, id: b };
    if (
      sort === "severity" &&
      kind === "severity" &&
      typeof a === "number" &&
      typeof b === "string" &&
      typeof c === "string"
    )
      return { sort, severity: a, lastSeen: b, id: c };
  }
  throw new AppError(
    "validation_failed",
    "cursor is not valid for this sort: use the nextCursor of the previous page.",
    {
      fields: [{ path: "cursor", message: "not a cursor of this queue and sort order" }],
    },
  );
}
