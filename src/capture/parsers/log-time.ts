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
