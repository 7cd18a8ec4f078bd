/**
 * Log times to ISO UTC. Logs write epoch seconds, local wall-clock times with no offset, or
 * year-less syslog stamps; all of it is turned into one instant here, by arithmetic on parsed
 * digits rather than `Date.parse`, whose leniency differs between engines.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MAX_EPOCH_MS = 8.64e15;
/** A stamp slightly after the reference time is clock skew between hosts, not last year. */
const YEAR_INFERENCE_GRACE_MS = 24 * 60 * 60 * 1000;

export type WallClock = {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

/** Converts wall-clock times of one zone to UTC instants. */
export type ZoneClock = { zone: string; toEpochMs: (wall: WallClock) => number | null };

/** Month number 1-12 of an English abbreviation (`Mar`), or null. */
export function monthNumber(name: string): number | null {
  const index = MONTHS.indexOf(name);
  return index === -1 ? null : index + 1;
}

/** ISO UTC of an epoch time in ms, or null when it is outside what `Date` can hold. */
export function isoFromEpochMs(ms: number): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_EPOCH_MS) return null;
  return new Date(ms).toISOString();
}

/** Epoch ms of a wall clock read as UTC, or null when a field is out of range (31 Feb). */
export function utcEpochMs(wall: WallClock): number | null {
  const { year, month, day, hour, minute, second, millisecond } = wall;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 23 || minute > 59 || second > 60 || millisecond > 999) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC, which maps years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, Math.min(second, 59), millisecond);
  if (date.getUTCDate() !== day) return null;
  return date.getTime();
}

/** A clock for an IANA zone, or null when the zone is unknown to this runtime. */
export function zoneClock(zone: string): ZoneClock | null {
  if (zone === "UTC" || zone === "Etc/UTC") return { zone, toEpochMs: utcEpochMs };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    return null;
  }
  const offsetAt = (epochMs: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(epochMs)) parts[part.type] = Number(part.value);
    const asUtc = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
  };
  const toEpochMs = (wall: WallClock): number | null => {
    const naive = utcEpochMs(wall);
    if (naive === null) return null;
    // Two passes settle the offset on either side of a daylight-saving change.
    const first = naive - offsetAt(naive);
    const second = naive - offsetAt(first);
    return second;
  };
  return { zone, toEpochMs };
}

/**
 * Epoch ms of a year-less stamp: the year is the one that puts it nearest before `reference`
 * (with a day's grace for skew), so a December line read in January lands in the old year.
 */
export function epochMsWithoutYear(
  wall: Omit<WallClock, "year">,
  reference: Date,
  clock: ZoneClock,
): number | null {
  const referenceMs = reference.getTime();
  if (!Number.isFinite(referenceMs)) return null;
  const referenceYear = reference.getUTCFullYear();
  // Up to eight years back: 29 February waits for the previous leap year (2100 is not one).
  for (let year = referenceYear + 1; year >= referenceYear - 8; year--) {
    const ms = clock.toEpochMs({ ...wall, year });
    if (ms !== null && ms <= referenceMs + YEAR_INFERENCE_GRACE_MS) return ms;
  }
  return null;
}

function digitsAt(text: string, start: number, count: number): number | null {
  if (start + count > text.length) return null;
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    value = value * 10 + code - 48;
  }
  return value;
}

/**
 * Epoch ms of an RFC 3339 time (`2003-10-11T22:14:15.003Z`, `...15.000003-07:00`), or null.
 * Fractions past milliseconds are dropped. Without an offset, the time is read in `clock`'s zone.
 */
export function parseRfc3339(text: string, clock?: ZoneClock): number | null {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (
    year === null ||
    month === null ||
    day === null ||
    hour === null ||
    minute === null ||
    second === null
  ) {
    return null;
  }
  if (text[4] !== "-" || text[7] !== "-" || (text[10] !== "T" && text[10] !== " ") || text[13] !== ":")
    return null;
  if (text[16] !== ":") return null;
  let position = 19;
  let millisecond = 0;
  if (text[position] === ".") {
    const start = ++position;
    while (position < text.length && digitsAt(text, position, 1) !== null) position++;
    if (position === start) return null;
    millisecond = Number(text.slice(start, Math.min(start + 3, position)).padEnd(3, "0"));
  }
  const wall = { year, month, day, hour, minute, second, millisecond };
  const zone = text.slice(position);
  if (zone === "") return clock === undefined ? null : clock.toEpochMs(wall);
  const local = utcEpochMs(wall);
  if (local === null) return null;
  if (zone === "Z" || zone === "z") return local;
  const offsetHours = digitsAt(zone, 1, 2);
  const offsetMinutes = digitsAt(zone, 4, 2);
  if (zone.length !== 6 || zone[3] !== ":" || offsetHours === null || offsetMinutes === null) return null;
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  if (zone[0] === "+") return local - offsetMs;
  if (zone[0] === "-") return local + offsetMs;
  return null;
}

/** Epoch ms of Squid's and Apache's `[%tl]` time, `05/Mar/2024:14:02:11 +0100`, or null. */
export function parseClfTime(text: string): number | null {
  const day = digitsAt(text, 0, 2);
  const month = monthNumber(text.slice(3, 6));
  const year = digitsAt(text, 7, 4);
  const hour = digitsAt(text, 12, 2);
  const minute = digitsAt(text, 15, 2);
  const second = digitsAt(text, 18, 2);
  if (
    day === null ||
    month === null ||
    year === null ||
    hour === null ||
    minute === null ||
    second === null
  ) {
    return null;
  }
  if (text[2] !== "/" || text[6] !== "/" || text[11] !== ":" || text[14] !== ":" || text[17] !== ":")
    return null;
  const local = utcEpochMs({ year, month, day, hour, minute, second, millisecond: 0 });
  const zone = text.slice(20).trim();
  const offsetHours = digitsAt(zone, 1, 2);
  const offsetMinutes = digitsAt(zone, 3, 2);
  if (local === null || zone.length !== 5 || offsetHours === null || offsetMinutes === null) return null;
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  if (zone[0] === "+") return local - offsetMs;
  if (zone[0] === "-") return local + offsetMs;
  return null;
}
