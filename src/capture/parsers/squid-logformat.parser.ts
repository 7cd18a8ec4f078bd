/**
 * Squid access logs written with a custom `logformat`. The compiled spec is walked once per
 * line: a code's value runs up to the next literal (a space in the literal matches any run of
 * spaces, which also absorbs width padding such as `%6tr`), and `%"` values are read as
 * quoted strings. No backtracking, so a line is read in one pass whatever it contains.
 */
import {
  malformedLine,
  parsedEvent,
  skippedLine,
  type LineParser,
  type ParsedLogEvent,
} from "../log-line.js";
import { squidVerdict } from "./filter-action.js";
import {
  definedOnly,
  fieldCutter,
  hostOfUrl,
  isBlank,
  isWhitespace,
  looksLikeIpAddress,
  parseEpochSeconds,
  parseSigned,
  parseUnsigned,
  percentDecoded,
  present,
  quote,
  stripLineEnd,
  tidyHost,
} from "./log-fields.js";
import { isoFromEpochMs, parseClfTime } from "./log-time.js";
import type { ParseContext } from "./parser-options.js";
import type { CompiledLogformat, FormatCode } from "./squid-logformat.compile.js";

/** Codes that name the user, most trusted first; `%ui` (ident) is rarely meaningful. */
const USER_CODES = ["un", "ul", "us", "ue", "ui"];

/** Codes whose values hold spaces when not quoted. */
const SPACED_CODES = ["tl", "tg", ">h", "<h"];

const TIME_CODES_WITH_ZONE = ["tl", "tg"];

type Values = Map<string, { value: string; code: FormatCode }>;

/** A parser for lines in a compiled Squid `logformat`. */
export function createSquidLogformatParser(format: CompiledLogformat, context: ParseContext): LineParser {
  return (input) => {
    const line = stripLineEnd(input).trim();
    if (isBlank(line)) return skippedLine("blank line");
    const values = readValues(line, format);
    if (typeof values === "string") return malformedLine(values);
    return buildEvent(values, context);
  };
}

function readValues(line: string, format: CompiledLogformat): Values | string {
  const values: Values = new Map();
  let position = 0;
  const { elements } = format;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    if (element.kind === "literal") {
      const next = matchLiteral(line, position, element.text);
      if (next === -1) return `expected ${quote(element.text)} at column ${position + 1}`;
      position = next;
      continue;
    }
    const label = `field ${element.position} (%${element.code})`;
    let value: string;
    if (element.quoted) {
      const read = readQuoted(line, position);
      if (read === null) return `${label} is not a closed quoted string`;
      ({ value, end: position } = read);
    } else {
      const following = elements[index + 1];
      // Squid may append columns (log_mime_hdrs): a last value ends at a blank unless it may hold one.
      const separator = following?.kind === "literal" ? following.text : " ";
      const toEnd = following === undefined && SPACED_CODES.includes(element.code);
      const spaced = SPACED_CODES.includes(element.code);
      // `%tl` and `%tg` hold one space themselves (`05/Mar/2024:14:02:11 +0000`).
      const from = TIME_CODES_WITH_ZONE.includes(element.code) ? afterFirstBlank(line, position) : position;
      const end = toEnd ? line.length : findLiteral(line, from, separator, spaced);
      if (end === -1 && following !== undefined) return `${label} is not followed by ${quote(separator)}`;
      value = line.slice(position, end === -1 ? line.length : end).trim();
      // Between literal quotes Squid escapes a quote in the value as \".
      if (separator.startsWith('"')) value = value.replaceAll('\\"', '"');
      position = end === -1 ? line.length : end;
    }
    if (!values.has(element.key)) values.set(element.key, { value, code: element });
  }
  return values;
}

/** Where `literal` matches at `position`; whitespace in it matches one or more blanks. */
function matchLiteral(line: string, position: number, literal: string): number {
  let at = position;
  let i = 0;
  while (i < literal.length) {
    if (isWhitespace(literal.charCodeAt(i))) {
      if (!isWhitespace(line.charCodeAt(at))) return -1;
      while (isWhitespace(line.charCodeAt(at))) at++;
      while (isWhitespace(literal.charCodeAt(i))) i++;
    } else {
      if (line.charCodeAt(at) !== literal.charCodeAt(i)) return -1;
      at++;
      i++;
    }
  }
  return at;
}

function afterFirstBlank(line: string, from: number): number {
  let at = from;
  while (at < line.length && !isWhitespace(line.charCodeAt(at))) at++;
  while (isWhitespace(line.charCodeAt(at))) at++;
  return at;
}

/**
 * Where the literal after a value starts. Only the codes that may hold spaces read across a
 * blank; a quote escaped by a backslash is part of the value.
 */
function findLiteral(line: string, from: number, literal: string, spaced: boolean): number {
  let start = from;
  while (isWhitespace(line.charCodeAt(start))) start++;
  if (isWhitespace(literal.charCodeAt(0))) {
    for (let i = start; i < line.length; i++) if (isWhitespace(line.charCodeAt(i))) return i;
    return -1;
  }
  let anchorEnd = 0;
  while (anchorEnd < literal.length && !isWhitespace(literal.charCodeAt(anchorEnd))) anchorEnd++;
  const anchor = literal.slice(0, anchorEnd);
  const first = anchor.charCodeAt(0);
  for (let i = start; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (!spaced && isWhitespace(code)) return -1;
    if (code === 92 && first === 34) i++;
    else if (code === first && line.startsWith(anchor, i)) return i;
  }
  return -1;
}

function readQuoted(line: string, start: number): { value: string; end: number } | null {
  if (line.charCodeAt(start) !== 34) return null;
  let value = "";
  for (let i = start + 1; i < line.length; i++) {
    const ch = line.charAt(i);
    if (ch === '"') return { value, end: i + 1 };
    if (ch === "\\" && i + 1 < line.length) value += line.charAt(++i);
    else value += ch;
  }
  return null;
}

function buildEvent(values: Values, context: ParseContext) {
  const text = (key: string) => present(values.get(key)?.value);
  const numberOf = (key: string, signed = false) => {
    const entry = values.get(key);
    const raw = present(entry?.value);
    if (entry === undefined || raw === undefined) return { value: undefined };
    const value = signed ? parseSigned(raw) : parseUnsigned(raw);
    if (value === null)
      return { reason: `field ${entry.code.position} (%${entry.code.code}) is not a number: ${quote(raw)}` };
    return { value };
  };

  const time = readTime(values);
  if (typeof time !== "string") return malformedLine(time.reason);
  const statusKey = ["Hs", ">Hs", "<Hs"].find((key) => text(key) !== undefined) ?? ">Hs";
  const status = numberOf(statusKey);
  const bytes = numberOf(values.has("<st") ? "<st" : "st");
  const duration = numberOf("tr", true);
  for (const read of [status, bytes, duration]) if ("reason" in read) return malformedLine(read.reason ?? "");

  const cutter = fieldCutter(context.maxFieldLength);
  const cut = (value: string | undefined) => (value === undefined ? undefined : cutter.cut(value));
  const method = text("rm") ?? text(">rm");
  const url = text("ru") ?? text(">ru") ?? text("<ru");
  const isConnect = method?.toUpperCase() === "CONNECT" && url !== undefined && !url.includes("://");
  const target = url === undefined ? {} : hostOfUrl(url, isConnect);
  const domain = text(">rd") ?? text("<rd");
  const userCode = USER_CODES.find((code) => text(code) !== undefined);
  const resultCode = text("Ss");
  const hierarchy = (text("Sh") ?? "").split("/", 1)[0] ?? "";
  const verdict =
    resultCode === undefined && status.value === undefined
      ? { action: "unknown" as const }
      : squidVerdict(resultCode ?? "", status.value ?? -1, hierarchy);
  const client = text(">a");
  const fields: Partial<ParsedLogEvent> = {
    clientIp: client !== undefined && looksLikeIpAddress(client) ? client : undefined,
    clientHost: cut(text(">A")),
    user: cut(userCode === undefined ? undefined : percentDecoded(text(userCode) ?? "")),
    url: isConnect ? undefined : cut(url),
    host: target.host ?? (domain === undefined ? undefined : tidyHost(domain).host),
    port: target.port,
    method: cut(method),
    status: status.value,
    bytes: bytes.value,
    durationMs: duration.value !== undefined && duration.value >= 0 ? duration.value : undefined,
    contentType: cut(text("mt")),
    referer: cut(text(">h{referer}")),
    userAgent: cut(text(">h{user-agent}")),
    resultCode: cut(resultCode),
    reason: cut(text("err_code") ?? verdict.reason),
  };
  const event: ParsedLogEvent = { kind: "web-visit", time, action: verdict.action, ...definedOnly(fields) };
  if (cutter.truncated) event.truncated = true;
  return parsedEvent(event);
}

function readTime(values: Values): string | { reason: string } {
  const entry = values.get("ts") ?? values.get("tS") ?? values.get("tl") ?? values.get("tg");
  if (entry === undefined) return { reason: "no time field" };
  const label = `field ${entry.code.position} (%${entry.code.code})`;
  let epochMs: number | null;
  if (entry.code.code === "tl" || entry.code.code === "tg") {
    epochMs = parseClfTime(entry.value);
    if (epochMs === null)
      return { reason: `${label} is not 'dd/Mon/yyyy:hh:mm:ss +zzzz': ${quote(entry.value)}` };
  } else {
    epochMs = parseEpochSeconds(entry.value);
    if (epochMs === null) return { reason: `${label} is not epoch seconds: ${quote(entry.value)}` };
    const millis = values.get("tu");
    if (entry.code.code === "ts" && millis !== undefined) {
      const ms = parseUnsigned(millis.value);
      if (ms === null || ms > 999) {
        return { reason: `field ${millis.code.position} (%tu) is not milliseconds: ${quote(millis.value)}` };
      }
      epochMs += ms;
    }
  }
  return isoFromEpochMs(epochMs) ?? { reason: `${label} is out of range: ${quote(entry.value)}` };
}
