/**
 * Syslog message framing, RFC 3164 (BSD) and RFC 5424:
 *
 *   <34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8
 *   <165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3"] \uFEFFAn application event
 *
 * BSD stamps carry no year or zone: the year is inferred from the reference time and the
 * zone comes from the options. The header reader is also used for log files that syslog
 * daemons wrote without the `<PRI>` (dnsmasq, BIND through syslog).
 */
import { quote } from "./log-fields.js";
import {
  epochMsWithoutYear,
  isoFromEpochMs,
  monthNumber,
  parseRfc3339,
  zoneClock,
  type ZoneClock,
} from "./log-time.js";

const MAX_PRI = 191;
const MAX_TAG_LENGTH = 48;
const BOM = "\uFEFF";

export type SyslogClock = { clock: ZoneClock; referenceTime: () => Date };

/** UTC, and the current time as the reference for year-less stamps. */
export const DEFAULT_SYSLOG_CLOCK: SyslogClock = {
  clock: zoneClock("UTC")!,
  referenceTime: () => new Date(),
};

export type SyslogHeader = {
  /** ISO UTC; absent only for RFC 5424's nil time (`-`). */
  time?: string;
  host?: string;
  app?: string;
  procId?: string;
  message: string;
};

export type StructuredDataElement = { id: string; params: [name: string, value: string][] };

export type SyslogFrame = SyslogHeader & {
  protocol: "rfc3164" | "rfc5424";
  facility: number;
  severity: number;
  msgId?: string;
  structuredData?: StructuredDataElement[];
};

export type SyslogFrameResult = { ok: true; frame: SyslogFrame } | { ok: false; reason: string };
export type SyslogHeaderResult = { ok: true; header: SyslogHeader } | { ok: false; reason: string };

/** Reads one syslog message with its `<PRI>`; never throws. */
export function parseSyslogFrame(text: string, clock: SyslogClock = DEFAULT_SYSLOG_CLOCK): SyslogFrameResult {
  if (!text.startsWith("<")) return { ok: false, reason: "missing <PRI> at the start" };
  const close = text.indexOf(">");
  const priText = close === -1 ? "" : text.slice(1, close);
  const pri = /^\d{1,3}$/.test(priText) ? Number(priText) : Number.NaN;
  if (!(pri <= MAX_PRI))
    return { ok: false, reason: `PRI is not a number from 0 to ${MAX_PRI}: ${quote(priText)}` };
  const priority = { facility: Math.floor(pri / 8), severity: pri % 8 };
  const body = text.slice(close + 1);
  if (body.startsWith("1 ")) return parse5424(body.slice(2), priority);
  const header = readSyslogHeader(body, clock);
  if (!header.ok) return header;
  return { ok: true, frame: { protocol: "rfc3164", ...priority, ...header.header } };
}

/** A syslog line as received (`<PRI>` first) or as a daemon wrote it to a file (no `<PRI>`). */
export function readSyslogLine(text: string, clock: SyslogClock = DEFAULT_SYSLOG_CLOCK): SyslogHeaderResult {
  if (!text.startsWith("<")) return readSyslogHeader(text, clock);
  const framed = parseSyslogFrame(text, clock);
  return framed.ok ? { ok: true, header: framed.frame } : framed;
}

/**
 * The BSD header of a syslog line without its `<PRI>`: `Mar  5 14:02:11 [host] tag[pid]: msg`,
 * also with a year (`Mar  5 2024 14:02:11`) or an RFC 3339 stamp as rsyslog writes files.
 */
export function readSyslogHeader(
  text: string,
  clock: SyslogClock = DEFAULT_SYSLOG_CLOCK,
): SyslogHeaderResult {
  const stamp = readStamp(text, clock);
  if (stamp === null) return { ok: false, reason: `no syslog time stamp at the start: ${quote(text)}` };
  const time = isoFromEpochMs(stamp.epochMs);
  if (time === null) return { ok: false, reason: "syslog time stamp is out of range" };
  let rest = text.slice(stamp.end).trimStart();
  let first = tokenAt(rest);
  let host: string | undefined;
  if (!isTag(first)) {
    host = first;
    rest = rest.slice(first.length).trimStart();
    first = tokenAt(rest);
  }
  if (!isTag(first))
    return { ok: true, header: { time, ...(host === undefined ? {} : { host }), message: rest } };
  const name = first.slice(0, -1);
  const bracket = name.indexOf("[");
  const app = bracket === -1 ? name : name.slice(0, bracket);
  const procId = bracket === -1 ? undefined : name.slice(bracket + 1, -1);
  const message = rest.slice(first.length).replace(/^ /, "");
  return {
    ok: true,
    header: { time, ...(host === undefined ? {} : { host }), app, ...(procId ? { procId } : {}), message },
  };
}

function tokenAt(text: string): string {
  const space = text.indexOf(" ");
  return space === -1 ? text : text.slice(0, space);
}

/** `su:`, `dnsmasq[123]:`; a long or bracket-less token with a colon inside is a host or text. */
function isTag(token: string): boolean {
  if (token.length < 2 || token.length > MAX_TAG_LENGTH || !token.endsWith(":")) return false;
  const bracket = token.indexOf("[");
  if (bracket === -1) return token.indexOf(":") === token.length - 1;
  return bracket > 0 && token.endsWith("]:");
}

type Stamp = { epochMs: number; end: number };

function readStamp(text: string, clock: SyslogClock): Stamp | null {
  const month = monthNumber(text.slice(0, 3));
  if (month === null) {
    const token = tokenAt(text);
    const epochMs = parseRfc3339(token, clock.clock);
    return epochMs === null ? null : { epochMs, end: token.length };
  }
  let position = 3;
  const skipSpaces = () => {
    const start = position;
    while (text.charCodeAt(position) === 32) position++;
    return position > start;
  };
  const readNumber = (min: number, max: number) => {
    const start = position;
    while (position - start < max && text.charCodeAt(position) >= 48 && text.charCodeAt(position) <= 57)
      position++;
    return position - start >= min ? Number(text.slice(start, position)) : null;
  };
  if (!skipSpaces()) return null;
  const day = readNumber(1, 2);
  if (day === null || !skipSpaces()) return null;
  let year: number | null = null;
  if (text.charCodeAt(position + 4) === 32 && text.charCodeAt(position + 2) !== 58) {
    year = readNumber(4, 4);
    if (year === null || !skipSpaces()) return null;
  }
  const hour = readNumber(2, 2);
  const minute = text[position] === ":" ? (position++, readNumber(2, 2)) : null;
  const second = text[position] === ":" ? (position++, readNumber(2, 2)) : null;
  if (hour === null || minute === null || second === null) return null;
  let millisecond = 0;
  if (text[position] === ".") {
    const start = ++position;
    while (text.charCodeAt(position) >= 48 && text.charCodeAt(position) <= 57) position++;
    millisecond = Number(text.slice(start, Math.min(position, start + 3)).padEnd(3, "0"));
  }
  const wall = { month, day, hour, minute, second, millisecond };
  const epochMs =
    year === null
      ? epochMsWithoutYear(wall, clock.referenceTime(), clock.clock)
      : clock.clock.toEpochMs({ ...wall, year });
  return epochMs === null ? null : { epochMs, end: position };
}

type Priority = { facility: number; severity: number };

function parse5424(text: string, priority: Priority): SyslogFrameResult {
  const fields: string[] = [];
  let position = 0;
  const names = ["time", "host", "app", "procid", "msgid", "structured data"];
  for (let field = 0; field < 5; field++) {
    const space = text.indexOf(" ", position);
    if (space === -1)
      return { ok: false, reason: `RFC 5424 header is cut short: no ${names[field + 1] ?? ""}` };
    fields.push(text.slice(position, space));
    position = space + 1;
  }
  const [timeText = "", host = "", app = "", procId = "", msgId = ""] = fields;
  let time: string | undefined;
  if (timeText !== "-") {
    const epochMs = parseRfc3339(timeText);
    const iso = epochMs === null ? null : isoFromEpochMs(epochMs);
    if (iso === null) return { ok: false, reason: `RFC 5424 time is not RFC 3339: ${quote(timeText)}` };
    time = iso;
  }
  const data = readStructuredData(text, position);
  if ("reason" in data) return { ok: false, reason: data.reason };
  let message = text.slice(data.end);
  if (message !== "" && !message.startsWith(" ")) {
    return { ok: false, reason: "RFC 5424 structured data is not followed by a space" };
  }
  message = message.slice(1);
  if (message.startsWith(BOM)) message = message.slice(BOM.length);
  const nil = (value: string) => (value === "-" ? undefined : value);
  const frame: SyslogFrame = {
    protocol: "rfc5424",
    ...priority,
    ...(time === undefined ? {} : { time }),
    ...(nil(host) === undefined ? {} : { host }),
    ...(nil(app) === undefined ? {} : { app }),
    ...(nil(procId) === undefined ? {} : { procId }),
    ...(nil(msgId) === undefined ? {} : { msgId }),
    ...(data.elements.length > 0 ? { structuredData: data.elements } : {}),
    message,
  };
  return { ok: true, frame };
}

type StructuredData = { elements: StructuredDataElement[]; end: number } | { reason: string };

/** `-` or `[id name="value" ...]...`; values escape `"`, `\` and `]` with a backslash. */
function readStructuredData(text: string, start: number): StructuredData {
  if (text[start] === "-") return { elements: [], end: start + 1 };
  if (text[start] !== "[") return { reason: "RFC 5424 structured data is neither '-' nor '['" };
  const elements: StructuredDataElement[] = [];
  let position = start;
  while (text[position] === "[") {
    const idEnd = nextOf(text, position + 1, " ]");
    if (idEnd === -1) return { reason: "RFC 5424 structured data element is not closed" };
    const element: StructuredDataElement = { id: text.slice(position + 1, idEnd), params: [] };
    position = idEnd;
    while (text[position] === " ") {
      const equals = text.indexOf("=", position + 1);
      if (equals === -1 || text[equals + 1] !== '"') {
        return { reason: `RFC 5424 parameter in ${quote(element.id)} has no '="'` };
      }
      const value = readEscapedValue(text, equals + 2);
      if (value === null) return { reason: `RFC 5424 parameter value in ${quote(element.id)} is not closed` };
      element.params.push([text.slice(position + 1, equals), value.value]);
      position = value.end;
    }
    if (text[position] !== "]")
      return { reason: `RFC 5424 element ${quote(element.id)} is not closed with ']'` };
    elements.push(element);
    position++;
  }
  return { elements, end: position };
}

function nextOf(text: string, start: number, characters: string): number {
  for (let i = start; i < text.length; i++) if (characters.includes(text.charAt(i))) return i;
  return -1;
}

function readEscapedValue(text: string, start: number): { value: string; end: number } | null {
  let value = "";
  for (let i = start; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '"') return { value, end: i + 1 };
    if (ch === "\\" && i + 1 < text.length && '"\\]'.includes(text.charAt(i + 1))) {
      value += text.charAt(++i);
    } else {
      value += ch;
    }
  }
  return null;
}
