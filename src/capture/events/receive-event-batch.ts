/**
 * One posted batch: each item is checked on its own (a bad one is rejected with reasons naming
 * its index and field, the rest still go in), then the valid ones are stored through the group
 * commit. The answer is given only once they are committed.
 */
import {
  EventSchema,
  type EventBatchResponse,
  type EventItemResult,
} from "../../contracts/event.contract.js";
import type { EventRow } from "./event-row.js";
import { rowOfApiEvent } from "./event-row.js";
import type { EventWriter } from "./event-writer.js";

/** Validates, stores and answers a batch for one school. */
export async function receiveEventBatch(
  writer: EventWriter,
  schoolId: string,
  items: readonly unknown[],
  receivedAt = new Date().toISOString(),
): Promise<EventBatchResponse> {
  const results: EventItemResult[] = [];
  const valid: { index: number; row: EventRow }[] = [];
  items.forEach((item, index) => {
    const parsed = EventSchema.safeParse(item);
    if (parsed.success) {
      valid.push({ index, row: rowOfApiEvent(schoolId, parsed.data, receivedAt) });
      return;
    }
    const errors = parsed.error.issues.map(
      (issue) => `events[${index}]${formatPath(issue.path)}: ${issue.message}`,
    );
    results[index] = { index, id: senderIdOf(item), status: "rejected", errors };
  });
  const outcomes = await writer.write(valid.map(({ row }) => row));
  valid.forEach(({ index, row }, position) => {
    results[index] = { index, id: row.sender_id, status: outcomes[position] ?? "duplicate" };
  });
  const count = (status: EventItemResult["status"]) =>
    results.filter((result) => result.status === status).length;
  return {
    accepted: count("accepted"),
    duplicate: count("duplicate"),
    rejected: count("rejected"),
    results,
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("");
}

function senderIdOf(item: unknown): string | null {
  if (typeof item !== "object" || item === null || !("id" in item)) return null;
  return typeof item.id === "string" ? item.id.slice(0, 128) : null;
}
