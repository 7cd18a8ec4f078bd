/**
 * Group commit: concurrent requests' events are gathered for a few milliseconds (or until enough
 * are waiting) and stored in one transaction, so many senders share one durable commit instead
 * of each paying for its own. Every caller's promise settles only after that commit.
 */
import type { VigilDatabase } from "../../db/open-database.js";
import type { EventRow } from "./event-row.js";
import { insertEvents, type StoreOutcome } from "./insert-events.js";

export interface EventWriterOptions {
  /** How long the first waiting request may wait for others to join its commit. */
  maxWaitMs?: number;
  /** Commit at once when this many events are waiting. */
  maxEvents?: number;
  /** Called after each commit with the number of new events (to wake detection). */
  onCommitted?: (accepted: number) => void;
}

interface Waiting {
  rows: readonly EventRow[];
  resolve: (outcomes: StoreOutcome[]) => void;
  reject: (error: unknown) => void;
}

export class EventWriter {
  readonly #database: VigilDatabase;
  readonly #maxWaitMs: number;
  readonly #maxEvents: number;
  readonly #onCommitted: (accepted: number) => void;
  #waiting: Waiting[] = [];
  #waitingEvents = 0;
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #closed = false;

  constructor(database: VigilDatabase, options: EventWriterOptions = {}) {
    this.#database = database;
    this.#maxWaitMs = options.maxWaitMs ?? 3;
    this.#maxEvents = options.maxEvents ?? 5_000;
    this.#onCommitted = options.onCommitted ?? (() => undefined);
  }

  /** Stores `rows` in the next group commit; resolves with each row's outcome once committed. */
  write(rows: readonly EventRow[]): Promise<StoreOutcome[]> {
    if (this.#closed) return Promise.reject(new Error("The event writer is closed."));
    if (rows.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ rows, resolve, reject });
      this.#waitingEvents += rows.length;
      this.#schedule();
    });
  }

  /** Commits what is waiting and refuses new writes (graceful shutdown). */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#flushing || this.#waiting.length > 0) {
      if (this.#flushing) await this.#flushing;
      else this.#startFlush();
    }
  }

  #schedule(): void {
    if (this.#flushing) return; // the running commit starts the next one when it ends
    if (this.#waitingEvents >= this.#maxEvents) {
      this.#startFlush();
      return;
    }
    this.#timer ??= setTimeout(() => {
      this.#startFlush();
    }, this.#maxWaitMs);
  }

  #startFlush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#flushing || this.#waiting.length === 0) return;
    const group = this.#waiting;
    this.#waiting = [];
    this.#waitingEvents = 0;
    this.#flushing = this.#commit(group).finally(() => {
      this.#flushing = undefined;
      // Whoever arrived during the commit has waited long enough: the next group goes now.
      if (this.#waiting.length > 0) this.#startFlush();
    });
  }

  async #commit(group: Waiting[]): Promise<void> {
    const rows = group.flatMap((waiting) => waiting.rows);
    let outcomes: StoreOutcome[];
    try {
      outcomes = await this.#database.db
        .transaction()
        .execute((trx) => insertEvents(trx, this.#database, rows));
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
      return;
    }
    let offset = 0;
    for (const waiting of group) {
      waiting.resolve(outcomes.slice(offset, offset + waiting.rows.length));
      offset += waiting.rows.length;
    }
    this.#onCommitted(outcomes.filter((outcome) => outcome === "accepted").length);
  }
}
