import { zoneClock, type ZoneClock } from "./log-time.js";

/** Fields longer than this are cut: a URL of 8 KiB is already far past any real browser's. */
export const DEFAULT_MAX_FIELD_LENGTH = 8192;
const MIN_MAX_FIELD_LENGTH = 64;

export type ParserOptions = {
  /**
   * IANA zone (`Europe/London`) of logs that write local wall-clock times with no offset:
   * e2guardian, dnsmasq, BIND and RFC 3164 syslog. Default `UTC`, which is right only when the
   * logging host runs in UTC; set it otherwise, or times shift by the host's offset.
   */
  timeZone?: string;
  /**
   * Year-less stamps (`Mar  5 14:02:11`) are placed in the year that puts them nearest before
   * this time. Default: the clock when each line is parsed, which suits a live tail; pass the
   * file's modification time when reading an old file.
   */
  referenceTime?: Date | (() => Date);
  /** Longest field kept before it is cut with a marker; default 8 KiB. */
  maxFieldLength?: number;
  /** For `squid-logformat`: a Squid `logformat` spec, or a built-in name (`squid`, `combined`). */
  logFormat?: string;
};

/** Options checked once, when a parser is made, so that parsing a line cannot fail on them. */
export type ParseContext = {
  clock: ZoneClock;
  referenceTime: () => Date;
  maxFieldLength: number;
};

export type ContextResult = { ok: true; context: ParseContext } | { ok: false; reason: string };

/** Checks the options and resolves their defaults. */
export function resolveParserOptions(options: ParserOptions = {}): ContextResult {
  const clock = zoneClock(options.timeZone ?? "UTC");
  if (clock === null) return { ok: false, reason: `unknown time zone: '${options.timeZone ?? ""}'` };
  const max = options.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH;
  if (!Number.isInteger(max) || max < MIN_MAX_FIELD_LENGTH) {
    return { ok: false, reason: `maxFieldLength must be an integer of at least ${MIN_MAX_FIELD_LENGTH}` };
  }
  const reference = options.referenceTime;
  const referenceTime =
    reference === undefined
      ? () => new Date()
      : typeof reference === "function"
        ? reference
        : () => reference;
  return { ok: true, context: { clock, referenceTime, maxFieldLength: max } };
}
