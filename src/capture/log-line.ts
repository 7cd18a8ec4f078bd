/**
 * The one shape every filter, proxy and DNS log parser returns, so the ingest path downstream
 * (matching, alerting, storage) never needs to know which product wrote the line. The raw line
 * is deliberately not carried: what is stored is decided by the caller, not by a parser.
 */

export type LogEventKind = "web-visit" | "dns-query";

/** `unknown` when the log does not say (a DNS query line, an aborted proxy request). */
export type LogAction = "allowed" | "blocked" | "unknown";

export type ParsedLogEvent = {
  kind: LogEventKind;
  /** ISO 8601 in UTC with milliseconds, e.g. `2024-03-05T14:02:11.049Z`. */
  time: string;
  action: LogAction;
  clientIp?: string;
  /** The client's name when the log has a name rather than, or as well as, an address. */
  clientHost?: string;
  /** Proxy-authenticated user; absent when the log has none (`-`). */
  user?: string;
  url?: string;
  /** Lower-case host of the URL, of a CONNECT target, or the DNS name queried (no trailing dot). */
  host?: string;
  port?: number;
  method?: string;
  /** HTTP status the client got; 0 when the proxy logged none (`000`). */
  status?: number;
  bytes?: number;
  durationMs?: number;
  contentType?: string;
  referer?: string;
  userAgent?: string;
  /** The proxy's own result code (`TCP_MISS`, `TCP_DENIED`, `*DENIED*`), kept for audit. */
  resultCode?: string;
  filterCategory?: string;
  filterGroup?: string;
  /** e2guardian's naughtiness weight for the page. */
  filterWeight?: number;
  /** Why the filter blocked or excepted the request, in the filter's words. */
  reason?: string;
  queryType?: string;
  queryClass?: string;
  /** BIND's query flags as logged (`+E(0)K`): recursion, EDNS, TCP, DNSSEC, cookie. */
  queryFlags?: string;
  /** Set when at least one field was longer than the limit and was cut with a marker. */
  truncated?: true;
};

/**
 * A parser never throws. A line is an event, a line that is well formed but is not an event
 * (`skip: true`: a DNS reply, a blank line), or a malformed line whose reason names the field.
 */
export type ParseResult =
  | { ok: true; event: ParsedLogEvent }
  | { ok: false; skip: true; reason: string }
  | { ok: false; skip: false; reason: string };

export type LineParser = (line: string) => ParseResult;

/** A parsed line. */
export function parsedEvent(event: ParsedLogEvent): ParseResult {
  return { ok: true, event };
}

/** A line that could not be read; `reason` names the field and what was wrong with it. */
export function malformedLine(reason: string): ParseResult {
  return { ok: false, skip: false, reason };
}

/** A well-formed line that is not an event, so callers do not count it as malformed. */
export function skippedLine(reason: string): ParseResult {
  return { ok: false, skip: true, reason };
}
