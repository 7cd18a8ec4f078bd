/**
 * The detection queue. Storing an event enqueues it (its `processed_at` is null, in the same
 * transaction), so nothing acknowledged can be lost between storage and detection. (`vigil ingest`
 * runs detection before it stores a batch, and stores it already processed, with its alerts.) The
 * port is small so that NATS JetStream can stand behind it later without the pipeline changing.
 */
import type { Kysely, Selectable } from "kysely";
import type { VigilDatabase } from "../../db/open-database.js";
import type { Database, EventsTable } from "../../db/schema.js";

export type QueuedEvent = Selectable<EventsTable>;

export interface EventQueue {
  /** About how many events wait for detection (may lag by up to a second). */
  depth(): Promise<number>;
  /** Tells the queue that `count` events were just stored. */
  noteEnqueued(count: number): void;
  /** The oldest waiting events, at most `limit`; they stay queued until completed. */
  claim(limit: number): Promise<QueuedEvent[]>;
  /**
   * Marks events done inside `trx` (with the alerts they raised); returns the ids this call
   * completed, so an event another worker finished first is not counted twice.
   */
  complete(trx: Kysely<Database>, ids: readonly string[]): Promise<Set<string>>;
}

const depthFreshForMs = 1_000;

/** The queue as an index over the events table: the default, with nothing else to run. */
export class LocalEventQueue implements EventQueue {
  readonly #database: VigilDatabase;
  #depth = 0;
  #countedAt = 0;

  constructor(database: VigilDatabase) {
    this.#database = database;
  }

  async depth(): Promise<number> {
    if (Date.now() - this.#countedAt >= depthFreshForMs) {
      const row = await this.#database.db
        .selectFrom("events")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .where("processed_at", "is", null)
        .executeTakeFirstOrThrow();
      this.#depth = row.count;
      this.#countedAt = Date.now();
    }
    return this.#depth;
  }

  noteEnqueued(count: number): void {
    this.#depth += count;
  }

  claim(limit: number): Promise<QueuedEvent[]> {
    return this.#database.db
      .selectFrom("events")
      .selectAll()
      .where("processed_at", "is", null)
      .orderBy("id")
      .limit(limit)
      .execute();
  }

  async complete(trx: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
    const done = new Set<string>();
    const now = new Date().toISOString();
    for (let start = 0; start < ids.length; start += 1_000) {
      const rows = await trx
        .updateTable("events")
        .set({ processed_at: now })
        .where("id", "in", ids.slice(start, start + 1_000))
        .where("processed_at", "is", null)
        .returning("id")
        .execute();
      for (const row of rows) done.add(row.id);
    }
    this.#depth = Math.max(0, this.#depth - done.size);
    return done;
  }
}
