/**
 * The detection pipeline, in process: takes waiting events in batches, runs detection, and in
 * one transaction records the alerts and marks the events processed, so a crash between the two
 * re-runs the batch rather than losing or double-counting it. Stoppable for a graceful shutdown.
 */
import type { VigilDatabase } from "../../db/open-database.js";
import type { Detector } from "../../detection/index.js";
import type { UrlLookup } from "../../detection/urls/index.js";
import type { AlertSignal } from "../../alerts/alert-signal.js";
import { recordAlerts } from "../../alerts/record-alert.js";
import { enqueueAlertRouting } from "../../notifications/enqueue-alert-routing.js";
import { shippedDetector } from "../../library/shipped-detector.js";
import { shippedUrlLookup } from "../../library/shipped-url-lookup.js";
import { attributeEvents, saveAttributions, withAttribution } from "../attribution/attribute-event.js";
import type { EventQueue } from "../events/event-queue.js";
import { eventsOfLeavers } from "../../directory/monitoring.js";
import { signalOfEvent } from "./event-signal.js";
import { SchoolDetectors } from "./school-detectors.js";

export interface PipelineOptions {
  batchSize?: number;
  /** How long to wait before looking again when the queue is empty. */
  idleMs?: number;
  detector?: Detector;
  lookup?: UrlLookup;
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
  readonly #detectors: SchoolDetectors;
  readonly #lookup: UrlLookup;
  readonly #createdBy: string;
  readonly #onError: (error: unknown) => void;
  #running: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;

  constructor(database: VigilDatabase, queue: EventQueue, options: PipelineOptions = {}) {
    const detector = options.detector ?? shippedDetector().detector;
    this.#database = database;
    this.#queue = queue;
    this.#batchSize = options.batchSize ?? 500;
    this.#idleMs = options.idleMs ?? 200;
    this.#detectors = new SchoolDetectors(database.db, detector);
    this.#lookup = options.lookup ?? shippedUrlLookup();
    this.#createdBy = `detection pipeline (library ${detector.version})`;
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
    // Attributed before detection, so an alert names whoever held the event's IP address then.
    const fills = await attributeEvents(this.#database.db, claimed);
    const events = claimed.map((event) => withAttribution(event, fills.get(event.id)));
    // A pupil who has left the school is no longer monitored: their events raise nothing.
    const leavers = await eventsOfLeavers(this.#database.db, events);
    const signals: AlertSignal[] = [];
    for (const event of events) {
      if (leavers.has(event.id)) continue;
      const detector = await this.#detectors.forSchool(event.school_id);
      const signal = signalOfEvent(event, detector, this.#lookup, this.#createdBy);
      if (signal) signals.push(signal);
    }
    const { capabilities } = this.#database;
    await this.#database.db.transaction().execute(async (trx) => {
      await saveAttributions(trx, fills);
      const done = await this.#queue.complete(
        trx,
        events.map((event) => event.id),
      );
      result.processed = done.size;
      // An event another worker completed first raised its alert there.
      const mine = signals.filter((signal) => done.has(signal.eventId));
      const recorded = await recordAlerts(trx, capabilities, mine);
      // Routing is queued in this transaction (an outbox row): the alert is never left untold.
      await enqueueAlertRouting(trx, recorded.alerts);
      result.alertsCreated = recorded.created;
      result.alertsGrouped = recorded.grouped;
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
