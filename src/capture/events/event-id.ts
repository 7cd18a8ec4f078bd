/**
 * Event ids that sort by arrival: milliseconds and a per-process counter in base 36, then a
 * random per-process suffix so two processes never make the same id. Sorted ids keep the primary
 * key's inserts at the end of the index and give the queue its order.
 */
import { randomBytes } from "node:crypto";

const processSuffix = randomBytes(5).toString("hex");
let lastMs = 0;
let counter = 0;

/** A new id, later than every id this process made before. */
export function newEventId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    counter++;
  }
  return `${lastMs.toString(36).padStart(9, "0")}${counter.toString(36).padStart(5, "0")}${processSuffix}`;
}
