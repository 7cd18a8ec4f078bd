/**
 * Ids that sort by creation (events, alert history): milliseconds and a per-process counter in
 * base 36, then a random per-process suffix so two processes never make the same id. Sorted ids
 * keep the primary key's inserts at the end of the index, give the queue its order, and keep
 * entries written in the same millisecond in the order they were written.
 */
import { randomBytes } from "node:crypto";

const processSuffix = randomBytes(5).toString("hex");
let lastMs = 0;
let counter = 0;

/** A new id, later than every id this process made before. */
export function newSortableId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    counter++;
  }
  return `${lastMs.toString(36).padStart(9, "0")}${counter.toString(36).padStart(5, "0")}${processSuffix}`;
}
