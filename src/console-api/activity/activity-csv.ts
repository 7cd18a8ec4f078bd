/**
 * The activity explorer's CSV export, streamed page by page through the same keyset query, so an
 * export of millions of rows never sits in memory. Cells that a spreadsheet would run as a
 * formula are prefixed with `'` (CSV injection).
 */
import type { Kysely } from "kysely";
import type { ActivityFilter, ActivityItem } from "../../contracts/console.contract.js";
import type { Database } from "../../db/schema.js";
import { findActivity } from "./activity.repository.js";

const EXPORT_PAGE = 1_000;

export const activityCsvColumns: readonly (keyof ActivityItem)[] = [
  "time",
  "kind",
  "pupil",
  "device",
  "url",
  "host",
  "text",
  "action",
  "category",
  "source",
  "id",
];

/** The CSV lines (header first) of every event matching `filter`, newest first. */
export async function* activityCsvLines(
  db: Kysely<Database>,
  schoolId: string,
  filter: ActivityFilter,
): AsyncGenerator<string> {
  yield `${activityCsvColumns.join(",")}\r\n`;
  let cursor: { time: string; id: string } | undefined;
  for (;;) {
    const items = await findActivity(db, schoolId, filter, { cursor, limit: EXPORT_PAGE });
    if (items.length > 0)
      yield items
        .map((item) => `${activityCsvColumns.map((key) => csvCell(item[key])).join(",")}\r\n`)
        .join("");
    const last = items.at(-1);
    if (!last || items.length < EXPORT_PAGE) return;
    cursor = { time: last.time, id: last.id };
  }
}

/** One CSV cell: quoted when needed, and never a formula. */
export function csvCell(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
