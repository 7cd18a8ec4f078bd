/**
 * One e2guardian access-log record, whichever of its layouts (space, tab, CSV) it came from,
 * and its conversion to a log event. e2guardian writes local wall-clock times
 * (`2024.3.5 14:02:11`, month and day unpadded before version 5), read in the zone option.
 */
import { malformedLine, parsedEvent, type ParsedLogEvent, type ParseResult } from "../log-line.js";
import { markerVerdict, readMarkers } from "./filter-action.js";
import {
  fieldCutter,
  hostOfUrl,
  isMethodToken,
  looksLikeIpAddress,
  parseEpochSeconds,
  parseSigned,
  parseUnsigned,
  present,
  quote,
} from "./log-fields.js";
import { isoFromEpochMs } from "./log-time.js";
import type { ParseContext } from "./parser-options.js";

/** Fields by name, as e2guardian's own source names them; all text as logged. */
export type E2guardianRecord = {
  /** `2024.3.5 14:02:11` (formats 1, 2, 4) or epoch seconds (formats 5 to 8). */
  when: string;
  who: string;
  from: string;
  where: string;
  what: string;
  how: string;
  size: string;
  weight: string;
  category: string;
  group?: string;
  code?: string;
  mimetype?: string;
  clientHost?: string;
  groupName?: string;
  userAgent?: string;
  duration?: string;
};

type TextField =
  "clientHost" | "user" | "url" | "contentType" | "userAgent" | "filterCategory" | "filterGroup" | "reason";

/** The log event of a record, or the reason naming the field that could not be read. */
export function e2guardianEvent(record: E2guardianRecord, context: ParseContext): ParseResult {
  const time = readWhen(record.when, context);
  if (time === null) return malformedLine(`date/time is not 'yyyy.m.d hh:mm:ss': ${quote(record.when)}`);
  if (!isMethodToken(record.how)) return malformedLine(`method is not an HTTP method: ${quote(record.how)}`);
  const bytes = parseUnsigned(record.size);
  if (bytes === null) return malformedLine(`size is not a number: ${quote(record.size)}`);
  const weight = parseSigned(record.weight);
  if (weight === null && present(record.weight) !== undefined) {
    return malformedLine(`weight is not a number: ${quote(record.weight)}`);
  }
  const status = present(record.code) === undefined ? undefined : parseUnsigned(record.code ?? "");
  if (status === null || (status !== undefined && status > 999)) {
    return malformedLine(`status is not a number: ${quote(record.code ?? "")}`);
  }
  const duration = present(record.duration) === undefined ? undefined : parseUnsigned(record.duration ?? "");

  const cutter = fieldCutter(context.maxFieldLength);
  const { markers, rest } = readMarkers(record.what);
  const reason = present(rest);
  const verdict = markerVerdict(markers, status, reason !== undefined || markers.length > 0);
  const user = present(record.who);
  const category = present(record.category);
  const text = (name: TextField, value: string | undefined): Partial<Record<TextField, string>> =>
    value === undefined ? {} : { [name]: cutter.cut(value) };
  const fromIsIp = looksLikeIpAddress(record.from);
  const clientHost = present(record.clientHost) ?? (fromIsIp ? undefined : present(record.from));
  const isConnect = record.how.toUpperCase() === "CONNECT" && !record.where.includes("://");
  const event: ParsedLogEvent = {
    kind: "web-visit",
    time,
    action: verdict.action,
    ...(fromIsIp ? { clientIp: record.from } : {}),
    // e2guardian writes the IP again as the host name when it does no reverse look-ups.
    ...text("clientHost", clientHost === record.from && fromIsIp ? undefined : clientHost),
    ...text("user", user),
    ...text("url", isConnect ? undefined : present(record.where)),
    ...hostOfUrl(record.where, isConnect),
    method: record.how,
    ...(status === undefined ? {} : { status }),
    bytes,
    ...(duration === undefined || duration === null ? {} : { durationMs: duration }),
    ...text("contentType", present(record.mimetype)),
    ...text("userAgent", present(record.userAgent)),
    ...(markers.length > 0
      ? { resultCode: cutter.cut(markers.map((marker) => `*${marker}*`).join(" ")) }
      : {}),
    ...text("filterCategory", category === "N/A" ? undefined : category),
    ...text("filterGroup", present(record.groupName) ?? present(record.group)),
    ...(weight === null ? {} : { filterWeight: weight }),
    ...text("reason", reason),
  };
  if (cutter.truncated) event.truncated = true;
  return parsedEvent(event);
}

function readWhen(when: string, context: ParseContext): string | null {
  const space = when.indexOf(" ");
  if (space === -1) {
    const epochMs = parseEpochSeconds(when);
    return epochMs === null ? null : isoFromEpochMs(epochMs);
  }
  const date = when.slice(0, space).split(".");
  const clock = when
    .slice(space + 1)
    .trim()
    .split(":");
  if (date.length !== 3 || clock.length !== 3) return null;
  const [year, month, day, hour, minute, second] = [...date, ...clock].map((part) =>
    part.length > 4 ? null : parseUnsigned(part),
  );
  if (year == null || month == null || day == null || hour == null || minute == null || second == null) {
    return null;
  }
  const ms = context.clock.toEpochMs({ year, month, day, hour, minute, second, millisecond: 0 });
  return ms === null ? null : isoFromEpochMs(ms);
}

/**
 * The record of the formats that list e2guardian's fields in its own order (the tab-separated
 * native format and CSV): time, user, client, URL, action, reason, method... up to user agent.
 */
export function recordFromOrderedFields(fields: readonly string[]): E2guardianRecord {
  const at = (index: number) => fields[index] ?? "";
  return {
    when: at(0),
    who: at(1),
    from: at(2),
    where: at(3),
    what: at(4),
    how: at(5),
    size: at(6),
    weight: at(7),
    category: at(8),
    group: at(9),
    code: at(10),
    mimetype: at(11),
    clientHost: at(12),
    groupName: at(13),
    userAgent: at(14),
  };
}
