/**
 * BIND 9's query log (`querylog yes`), from its own channel file or through syslog:
 *
 *   05-Mar-2024 14:02:11.123 client @0x7f3a2c0 192.168.0.5#53211 (example.com): query: example.com IN A +E(0)K (10.0.0.1)
 *   05-Mar-2024 14:02:11.123 queries: info: client 192.168.0.5#53211 (example.com): view internal: query: ...
 *   Mar  5 14:02:11 ns1 named[812]: client 192.168.0.5#53211: query: example.com IN A +      (9.8 and older)
 *
 * Also read as blocked queries: `query (cache) 'name/A/IN' denied` (an ACL refusal) and
 * `rpz QNAME NXDOMAIN rewrite name/A/IN via ...` (a response-policy zone, how DNS filters
 * block). Other client lines (updates, notifies) and other programs' lines are skipped.
 * Stamps are local time in the zone option unless they are ISO 8601 with an offset.
 */
import { malformedLine, parsedEvent, skippedLine, type LineParser, type ParseResult } from "../log-line.js";
import {
  fieldCutter,
  firstFields,
  isBlank,
  looksLikeIpAddress,
  parseUnsigned,
  quote,
  stripLineEnd,
  tidyHost,
} from "./log-fields.js";
import { isoFromEpochMs, monthNumber, parseRfc3339 } from "./log-time.js";
import type { ParseContext } from "./parser-options.js";
import { readSyslogLine } from "./syslog-frame.js";

const CLIENT = "client ";

/** A parser for BIND query log lines. */
export function createBindParser(context: ParseContext): LineParser {
  return (input) => {
    const line = stripLineEnd(input);
    if (isBlank(line)) return skippedLine("blank line");
    const stamped = readStamp(line, context);
    if ("skip" in stamped) return skippedLine(stamped.skip);
    if ("reason" in stamped) return malformedLine(stamped.reason);
    const clientAt = stamped.body.indexOf(CLIENT);
    if (clientAt === -1) return skippedLine("BIND line is not about a client query");
    return readClientLine(stamped.body.slice(clientAt + CLIENT.length), stamped.time, context);
  };
}

type Stamped = { time: string; body: string } | { reason: string } | { skip: string };

function readStamp(line: string, context: ParseContext): Stamped {
  const [date = "", clock = ""] = firstFields(line, 2);
  if (date.length >= 10 && date[2] === "-" && date[6] === "-") {
    const ms = bindDateTime(date, clock, context);
    if (ms === null)
      return { reason: `time stamp is not 'dd-Mon-yyyy hh:mm:ss.mmm': ${quote(`${date} ${clock}`)}` };
    return withTime(ms, line.slice(line.indexOf(clock) + clock.length));
  }
  if (/^\d{4}-/.test(date)) {
    const ms = parseRfc3339(date, context.clock);
    if (ms === null) return { reason: `time stamp is not ISO 8601: ${quote(date)}` };
    return withTime(ms, line.slice(date.length));
  }
  const read = readSyslogLine(line, context);
  if (!read.ok) return { reason: read.reason };
  if (read.header.app !== undefined && read.header.app !== "named") {
    return { skip: `line of ${quote(read.header.app)}, not of named` };
  }
  if (read.header.time === undefined) return { reason: "syslog frame has no time" };
  return { time: read.header.time, body: read.header.message };
}

function withTime(ms: number, body: string): Stamped {
  const time = isoFromEpochMs(ms);
  return time === null ? { reason: "time stamp is out of range" } : { time, body };
}

function bindDateTime(date: string, clock: string, context: ParseContext): number | null {
  const day = parseUnsigned(date.slice(0, 2));
  const month = monthNumber(date.slice(3, 6));
  const year = parseUnsigned(date.slice(7));
  const dot = clock.indexOf(".");
  const parts = (dot === -1 ? clock : clock.slice(0, dot)).split(":").map(parseUnsigned);
  const millisecond = dot === -1 ? 0 : parseUnsigned(clock.slice(dot + 1, dot + 4).padEnd(3, "0"));
  const [hour = null, minute = null, second = null] = parts.length === 3 ? parts : [];
  if (day === null || month === null || year === null || millisecond === null) return null;
  if (hour === null || minute === null || second === null) return null;
  return context.clock.toEpochMs({ year, month, day, hour, minute, second, millisecond });
}

/** After `client `: `[@0x...] address#port [(name)]: [view v: ]message`. */
function readClientLine(rest: string, time: string, context: ParseContext): ParseResult {
  let [address = ""] = firstFields(rest, 1);
  let position = rest.indexOf(address) + address.length;
  if (address.startsWith("@")) {
    [, address = ""] = firstFields(rest, 2);
    position = rest.indexOf(address, position) + address.length;
  }
  let message: string;
  if (address.endsWith(":")) {
    address = address.slice(0, -1);
    message = rest.slice(position).trimStart();
  } else {
    const close = rest.indexOf("): ", position);
    if (rest.slice(position).trimStart()[0] !== "(" || close === -1) {
      return malformedLine(`client ${quote(address)} is not followed by '(name):' or ':'`);
    }
    message = rest.slice(close + 3);
  }
  const hash = address.lastIndexOf("#");
  const clientIp = hash === -1 ? address : address.slice(0, hash);
  if (!looksLikeIpAddress(clientIp))
    return malformedLine(`client address is not 'ip#port': ${quote(address)}`);
  if (message.startsWith("view ")) {
    const colon = message.indexOf(": ");
    if (colon === -1) return malformedLine("'view' is not followed by ': '");
    message = message.slice(colon + 2);
  }
  if (message.startsWith("query: ")) return readQuery(message.slice(7), time, clientIp, context);
  if (message.startsWith("query (cache) '") && message.endsWith("' denied")) {
    return blockedQuery(message.slice(15, -8), "query (cache) denied", time, clientIp, context);
  }
  if (message.startsWith("rpz ")) {
    const words = firstFields(message, 6);
    const rewrite = words.indexOf("rewrite");
    const target = rewrite === -1 ? undefined : words[rewrite + 1];
    if (target === undefined) return skippedLine("BIND rpz line without a rewrite");
    return blockedQuery(target, words.slice(0, rewrite).join(" "), time, clientIp, context);
  }
  const [word = ""] = firstFields(message, 1);
  return skippedLine(`BIND client line ${quote(word)} is not a query`);
}

function readQuery(text: string, time: string, clientIp: string, context: ParseContext): ParseResult {
  const [name = "", queryClass = "", queryType = "", flags] = firstFields(text, 4);
  if (queryType === "") return malformedLine(`query is not 'name class type': ${quote(text)}`);
  const target = tidyHost(name);
  if (target.host === undefined) return malformedLine(`query name is not a DNS name: ${quote(name)}`);
  const cutter = fieldCutter(context.maxFieldLength);
  const event = {
    kind: "dns-query" as const,
    time,
    action: "unknown" as const,
    clientIp,
    host: target.host,
    queryType: cutter.cut(queryType),
    queryClass: cutter.cut(queryClass),
    ...(flags === undefined || flags.startsWith("(") ? {} : { queryFlags: cutter.cut(flags) }),
    ...(cutter.truncated ? { truncated: true as const } : {}),
  };
  return parsedEvent(event);
}

/** `name/TYPE/CLASS` (or a bare name, as older rpz lines have) of a query BIND refused. */
function blockedQuery(
  target: string,
  reason: string,
  time: string,
  clientIp: string,
  context: ParseContext,
): ParseResult {
  const [name = "", queryType, queryClass] = target.split("/", 3);
  const host = tidyHost(name).host;
  if (host === undefined) return malformedLine(`query name is not a DNS name: ${quote(name)}`);
  const cutter = fieldCutter(context.maxFieldLength);
  return parsedEvent({
    kind: "dns-query",
    time,
    action: "blocked",
    clientIp,
    host,
    ...(queryType === undefined ? {} : { queryType: cutter.cut(queryType) }),
    ...(queryClass === undefined ? {} : { queryClass: cutter.cut(queryClass) }),
    reason: cutter.cut(reason),
    ...(cutter.truncated ? { truncated: true as const } : {}),
  });
}
