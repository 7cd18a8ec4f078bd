/**
 * `POST /api/v1/events`: authenticate the ingest key (before the body is read), refuse oversized
 * batches and, when detection has fallen behind, ask the sender to retry later (429, never a
 * silent drop); then store the batch and answer per item.
 *
 * The ingest key is read by a server-wide hook that must be registered before identity's: it
 * takes the key out of the request, so identity's bearer-token check (API tokens) never sees it.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { EventBatchSchema, eventLimits } from "../../contracts/event.contract.js";
import { AppError } from "../../platform/errors/app-error.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { authenticateIngestKey, type IngestKeyIdentity } from "../ingest-keys/authenticate-ingest-key.js";
import { LocalEventQueue } from "./event-queue.js";
import { EventWriter } from "./event-writer.js";
import { receiveEventBatch } from "./receive-event-batch.js";

/** Seconds a sender is asked to wait when the detection queue is full. */
export const retryAfterSeconds = 5;

const eventsPath = "/api/v1/events";

/** Registers the event API; its writer commits what is waiting when the server closes. */
export function registerEventRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services.database;
  const queue = new LocalEventQueue(services.database);
  const writer = new EventWriter(services.database, {
    onCommitted: (accepted) => {
      queue.noteEnqueued(accepted);
    },
  });
  const senders = new WeakMap<FastifyRequest, IngestKeyIdentity>();
  app.addHook("onClose", () => writer.close());
  app.addHook("onRequest", async (request) => {
    if (request.routeOptions.url !== eventsPath) return;
    const sender = await authenticateIngestKey(db, request);
    senders.set(request, sender);
    request.context.actor = { kind: "system", label: `ingest key "${sender.name}" (${sender.keyId})` };
  });

  app.post(eventsPath, { bodyLimit: eventLimits.batchMaxBytes }, async (request, reply) => {
    const sender = senders.get(request);
    if (!sender) throw new AppError("unauthenticated", "An ingest key is required.");
    const { events } = parseInput(EventBatchSchema, request.body, "The batch");
    if (events.length > eventLimits.batchMaxEvents) {
      throw new AppError(
        "payload_too_large",
        `A batch holds at most ${eventLimits.batchMaxEvents} events; this one has ${events.length}.`,
        { hint: "Split it into smaller batches." },
      );
    }
    if ((await queue.depth()) > services.config.eventQueueLimit) {
      void reply.header("retry-after", String(retryAfterSeconds));
      throw new AppError(
        "too_many_requests",
        "Detection is behind; nothing was stored. Send again shortly.",
        {
          hint: `Retry after ${retryAfterSeconds} seconds; the limit is VIGIL_EVENT_QUEUE_LIMIT.`,
        },
      );
    }
    return receiveEventBatch(writer, sender.schoolId, events);
  });
}
