/**
 * What happens to one syslog message once it is framed, whichever transport brought it: read the
 * header, pick the source, parse the body with that source's parser, and store the event through
 * the same rows and insert as `vigil ingest` (`rowOfLogEvent`, `insertEvents`), grouped by the
 * event writer so a few milliseconds of messages share one transaction.
 *
 * Memory is bounded by `maxPending`: messages handed to storage and not yet committed. When it is
 * reached `isFull` says so and the transports hold back (TCP) or drop (UDP) until `onDrained`.
 */
import { randomUUID } from "node:crypto";
import type { VigilDatabase } from "../../db/open-database.js";
import { rowOfLogEvent } from "../events/event-row.js";
import { EventWriter } from "../events/event-writer.js";
import { parseSyslogFrame } from "../parsers/syslog-frame.js";
import { pickSyslogSource, type SyslogSource } from "./syslog-sources.js";

/** Malformed messages kept for review; the rest are only counted. */
export const syslogMalformedSamplesKept = 10;
/** At most one "unknown sender" warning this often; the ones between are counted in it. */
const unknownWarningEveryMs = 60_000;

export type SyslogStats = {
  received: number;
  stored: number;
  duplicates: number;
  /** Well-formed lines that are not events (a DNS reply, a blank message). */
  skipped: number;
  malformed: number;
  malformedSamples: { from: string; reason: string }[];
  /** From no configured source: dropped. */
  unknownSource: number;
  /** UDP messages dropped because storage was behind (`maxPending` reached). */
  dropped: number;
  /** TCP framing that had to be guessed (a count without its space, a stream cut short). */
  framingErrors: number;
  /** Events lost because their commit failed. */
  failed: number;
};

/** The subset of a pino logger the listener uses. */
export type SyslogLogger = {
  warn: (details: object, message: string) => void;
  error: (details: object, message: string) => void;
};

export type SyslogIntakeOptions = {
  database: VigilDatabase;
  sources: readonly SyslogSource[];
  maxPending: number;
  batchWaitMs: number;
  logger: SyslogLogger;
  onDrained: () => void;
};

export class SyslogIntake {
  readonly stats: SyslogStats = {
    received: 0,
    stored: 0,
    duplicates: 0,
    skipped: 0,
    malformed: 0,
    malformedSamples: [],
    unknownSource: 0,
    dropped: 0,
    framingErrors: 0,
    failed: 0,
  };
  readonly #options: SyslogIntakeOptions;
  readonly #writer: EventWriter;
  #pending = 0;
  #wasFull = false;
  #warnedAt = Number.NEGATIVE_INFINITY;
  #unknownSinceWarning = 0;

  constructor(options: SyslogIntakeOptions) {
    this.#options = options;
    this.#writer = new EventWriter(options.database, {
      maxWaitMs: options.batchWaitMs,
      maxEvents: Math.max(1, Math.floor(options.maxPending / 2)),
    });
  }

  /** True while storage holds `maxPending` messages not yet committed. */
  get isFull(): boolean {
    return this.#pending >= this.#options.maxPending;
  }

  /** One framed message from `address`. */
  receive(text: string, address: string): void {
    this.stats.received++;
    const framed = parseSyslogFrame(withoutLineEnd(text));
    if (!framed.ok) {
      this.reject(address, framed.reason);
      return;
    }
    const { host, app, message } = framed.frame;
    const source = pickSyslogSource(this.#options.sources, { address, host, app });
    if (source === undefined) {
      this.#unknown(address, host, app);
      return;
    }
    const result = source.parse(message);
    if (!result.ok) {
      if (result.skip) this.stats.skipped++;
      else this.reject(address, result.reason);
      return;
    }
    // Syslog carries no message id and is never resent, so each message is its own event.
    const row = rowOfLogEvent(
      source.schoolId,
      source.source,
      `syslog:${randomUUID()}`,
      result.event,
      new Date().toISOString(),
    );
    this.#pending++;
    if (this.isFull) this.#wasFull = true;
    this.#writer.write([row]).then(
      (outcomes) => {
        for (const outcome of outcomes) {
          if (outcome === "accepted") this.stats.stored++;
          else this.stats.duplicates++;
        }
        this.#settled();
      },
      (error: unknown) => {
        this.stats.failed++;
        this.#options.logger.error({ err: error }, "syslog events could not be stored");
        this.#settled();
      },
    );
  }

  /** Counts a message that could not be read, keeping the first few reasons. */
  reject(from: string, reason: string): void {
    this.stats.malformed++;
    if (this.stats.malformedSamples.length < syslogMalformedSamplesKept) {
      this.stats.malformedSamples.push({ from, reason });
    }
  }

  /** Commits what is waiting; no message may be received after. */
  close(): Promise<void> {
    return this.#writer.close();
  }

  #settled(): void {
    this.#pending--;
    if (this.#wasFull && this.#pending <= this.#options.maxPending / 2) {
      this.#wasFull = false;
      this.#options.onDrained();
    }
  }

  #unknown(address: string, host: string | undefined, app: string | undefined): void {
    this.stats.unknownSource++;
    this.#unknownSinceWarning++;
    const now = Date.now();
    if (now - this.#warnedAt < unknownWarningEveryMs) return;
    this.#options.logger.warn(
      { address, host, app, dropped: this.#unknownSinceWarning },
      "syslog messages from no configured source (VIGIL_SYSLOG_SOURCES) were dropped",
    );
    this.#warnedAt = now;
    this.#unknownSinceWarning = 0;
  }
}

/** Some senders end a datagram with a line break; a loop, as a regex could backtrack quadratically. */
function withoutLineEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return text.slice(0, end);
}
