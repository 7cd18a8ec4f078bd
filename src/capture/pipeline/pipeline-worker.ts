/**
 * The detection pipeline, in process: takes waiting events in batches, runs detection, and in
 * one transaction records the alerts and marks the events processed, so a crash between the two
 * re-runs the batch rather than losing or double-counting it. Stoppable for a graceful shutdown.
 */
import type { VigilDatabase } from "../../db/open-database.js";
import { saveAttributions } from "../attribution/attribute-event.js";
import type { EventQueue } from "../events/event-queue.js";
import { EventDetection, type EventDetectionOptions } from "./event-detection.js";

export interface PipelineOptions extends EventDetectionOptions {
  batchSize?: number;
  /** How long to wait before looking again when the queue is empty. */
  idleMs?: number;
  onError?: (error: unknown) => void;
}

export interface BatchResult {
  processed: number;
  alertsCreated: number;
  alertsGrouped: number;
}

export class PipelineWorker {
  readonly #database: VigilDatabase;
  readonly #queue: EventQueue;
  readonly #batchSize: number;
  readonly #idleMs: number;
  readonly #detection: EventDetection;
  readonly #onError: (error: unknown) => void;
  #running: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;

  constructor(database: VigilDatabase, queue: EventQueue, options: PipelineOptions = {}) {
    this.#database = database;
    this.#queue = queue;
    this.#batchSize = options.batchSize ?? 500;
    this.#idleMs = options.idleMs ?? 200;
    this.#detection = new EventDetection(database.db, options);
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Starts the loop in the background. */
  start(): void {
    this.#stopping = false;
    this.#running ??= this.#loop().finally(() => {
      this.#running = undefined;
    });
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#running;
  }

  /** Processes batches until the queue is empty (for tests, benchmarks and one-off runs). */
  async drain(): Promise<BatchResult> {
    const total: BatchResult = { processed: 0, alertsCreated: 0, alertsGrouped: 0 };
    for (;;) {
      const result = await this.processBatch();
      if (result.processed === 0) return total;
      total.processed += result.processed;
      total.alertsCreated += result.alertsCreated;
      total.alertsGrouped += result.alertsGrouped;
    }
  }

  /** One batch: attribute and detect, then store both and mark processed in one transaction. */
  async processBatch(): Promise<BatchResult> {
    const claimed = await this.#queue.claim(this.#batchSize);
    const result: BatchResult = { processed: 0, alertsCreated: 0, alertsGrouped: 0 };
    if (claimed.length === 0) return result;
    const detected = await this.#detection.detect(claimed);
    await this.#database.db.transaction().execute(async (trx) => {
      await saveAttributions(trx, detected.fills);
      const done = await this.#queue.complete(
        trx,
        detected.events.map((event) => event.id),
      );
      result.processed = done.size;
      // An event another worker completed first raised its alert there.
      const recorded = await this.#detection.record(trx, this.#database.capabilities, detected, done);
      result.alertsCreated = recorded.alertsCreated;
      result.alertsGrouped = recorded.alertsGrouped;
    });
    return result;
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      let processed = 0;
      try {
        processed = (await this.processBatch()).processed;
      } catch (error) {
        this.#onError(error);
        await this.#sleep(this.#idleMs * 5);
        continue;
      }
      if (processed === 0) await this.#sleep(this.#idleMs);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
