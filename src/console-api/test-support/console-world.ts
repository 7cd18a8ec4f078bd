/** Events stored the way capture stores them, then run through the real detection pipeline. */
import { rowOfApiEvent } from "../../capture/events/event-row.js";
import { LocalEventQueue } from "../../capture/events/event-queue.js";
import { EventWriter } from "../../capture/events/event-writer.js";
import { PipelineWorker } from "../../capture/pipeline/pipeline-worker.js";
import { buildEvent } from "../../capture/test-support/capture-builders.js";
import { EventSchema } from "../../contracts/event.contract.js";
import type { VigilDatabase } from "../../db/open-database.js";

export { buildEvent };

/** Stores `events` for the school (received `receivedAt`, default now) and drains the pipeline. */
export async function feedEvents(
  database: VigilDatabase,
  schoolId: string,
  events: Record<string, unknown>[],
  receivedAt = new Date().toISOString(),
): Promise<void> {
  const writer = new EventWriter(database);
  await writer.write(events.map((event) => rowOfApiEvent(schoolId, EventSchema.parse(event), receivedAt)));
  await writer.close();
  await new PipelineWorker(database, new LocalEventQueue(database)).drain();
}
