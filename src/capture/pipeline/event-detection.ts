/**
 * Detection of a batch of events, shared by the pipeline (events claimed from the queue) and by
 * `vigil ingest` (events about to be stored, which then never wait in the queue). It runs in two
 * steps so that what it writes commits with whatever marks the events done: `detect` only reads
 * (attribution, leavers, the school's detector) and scans; `record` stores the alerts.
 */
import type { Kysely } from "kysely";
import type { EngineCapabilities } from "../../db/engine.js";
import type { Database } from "../../db/schema.js";
import type { Detector } from "../../detection/index.js";
import type { SchoolDetector } from "../../detection/overrides/with-school-overrides.js";
import type { UrlLookup } from "../../detection/urls/index.js";
import type { AlertSignal } from "../../alerts/alert-signal.js";
import { recordAlerts } from "../../alerts/record-alert.js";
import { enqueueAlertRouting } from "../../notifications/enqueue-alert-routing.js";
import { shippedDetector } from "../../library/shipped-detector.js";
import { shippedUrlLookup } from "../../library/shipped-url-lookup.js";
import { eventsOfLeavers } from "../../directory/monitoring.js";
import { attributeEvents, withAttribution, type Attribution } from "../attribution/attribute-event.js";
import type { QueuedEvent } from "../events/event-queue.js";
import { signalOfEvent } from "./event-signal.js";
import { SchoolDetectors } from "./school-detectors.js";

export interface EventDetectionOptions {
  /** The phrase engine (default: the shipped library's). */
  detector?: Detector;
  /** The URL category lists (default: the shipped lists). */
  lookup?: UrlLookup;
}

/** What `detect` found in a batch, for `record` (and for storing the attribution). */
export interface DetectedBatch {
  /** The events as they read once attributed. */
  events: QueuedEvent[];
  /** The fields attribution filled, by event id. */
  fills: Map<string, Attribution>;
  signals: AlertSignal[];
}

export interface RecordedDetections {
  alertsCreated: number;
  alertsGrouped: number;
}

export class EventDetection {
  readonly #db: Kysely<Database>;
  readonly #detectors: SchoolDetectors;
  readonly #lookup: UrlLookup;
  readonly #createdBy: string;

  constructor(db: Kysely<Database>, options: EventDetectionOptions = {}) {
    const detector = options.detector ?? shippedDetector().detector;
    this.#db = db;
    this.#detectors = new SchoolDetectors(db, detector);
    this.#lookup = options.lookup ?? shippedUrlLookup();
    this.#createdBy = `detection pipeline (library ${detector.version})`;
  }

  /** Attributes and scans `events`; writes nothing. */
  async detect(events: readonly QueuedEvent[]): Promise<DetectedBatch> {
    // Attributed before detection, so an alert names whoever held the event's IP address then.
    const fills = await attributeEvents(this.#db, events);
    const attributed = events.map((event) => withAttribution(event, fills.get(event.id)));
    // A pupil who has left the school is no longer monitored: their events raise nothing.
    const leavers = await eventsOfLeavers(this.#db, attributed);
    const signals: AlertSignal[] = [];
    // Looked up once per school in the batch: an await per event cost a promise and a microtask
    // for each of tens of thousands of log lines.
    const detectors = new Map<string, SchoolDetector>();
    for (const event of attributed) {
      if (leavers.has(event.id)) continue;
      let detector = detectors.get(event.school_id);
      if (!detector) {
        detector = await this.#detectors.forSchool(event.school_id);
        detectors.set(event.school_id, detector);
      }
      const signal = signalOfEvent(event, detector, this.#lookup, this.#createdBy);
      if (signal) signals.push(signal);
    }
    return { events: attributed, fills, signals };
  }

  /**
   * Inside `trx`, records the alerts of the events in `done`: those the caller's transaction
   * stores or completes. An event left out (another worker completed it, or it was already
   * stored) raised its alert when it was done the first time.
   */
  async record(
    trx: Kysely<Database>,
    capabilities: EngineCapabilities,
    batch: DetectedBatch,
    done: ReadonlySet<string>,
  ): Promise<RecordedDetections> {
    const mine = batch.signals.filter((signal) => done.has(signal.eventId));
    const recorded = await recordAlerts(trx, capabilities, mine);
    // Routing is queued in this transaction (an outbox row): the alert is never left untold.
    await enqueueAlertRouting(trx, recorded.alerts);
    return { alertsCreated: recorded.created, alertsGrouped: recorded.grouped };
  }
}
