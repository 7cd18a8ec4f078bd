/**
 * Small field readers shared by the parsers. All are index scans over the string, never
 * backtracking regexes, so any input (1 MB of spaces, binary noise) is read in linear time.
 */

export const CUT_MARKER = "…[cut]";
const QUOTE_LIMIT = 40;
const MAX_SAFE_DIGITS = 15;
const MAX_HOST_LENGTH = 253;

/** Cuts over-long fields with a marker and remembers that it did. */
export type FieldCutter = { cut: (value: string) => string; readonly truncated: boolean };

/** A cutter for one line. */
export function fieldCutter(maxLength: number): FieldCutter {
  let truncated = false;
  return {
    cut(value) {
      if (value.length <= maxLength) return value;
      truncated = true;
      let end = maxLength;
      // Never leave half of a surrogate pair before the marker.
      const last = value.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end--;
      return value.slice(0, end) + CUT_MARKER;
    },
    get truncated() {
      return truncated;
    },
  };
}

/** A value for a reason message: short, quoted, control characters shown as `?`. */
export function quote(value: string): string {
  const short = value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value;
  let shown = "";
  for (const ch of short) shown += ch < " " || ch === "\u007f" ? "?" : ch;
  return `'${shown}'`;
}

/** Space or tab: the separators of every log format here. */
export function isWhitespace(code: number): boolean {
  return code === 32 || code === 9;
}

/** Fields separated by runs of spaces or tabs. */
export function splitOnWhitespace(text: string): string[] {
  const fields: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const separator = i === text.length || isWhitespace(text.charCodeAt(i));
    if (separator && start !== -1) {
      fields.push(text.slice(start, i));
      start = -1;
    } else if (!separator && start === -1) {
      start = i;
    }
  }
  return fields;
}

/** The line without its trailing newline or carriage return (callers split on `\n`). */
export function stripLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 10 || line.charCodeAt(end - 1) === 13)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** True for empty lines and lines of blanks, which are skipped rather than malformed. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isWhitespace(code) && code !== 10 && code !== 13) return false;
  }
  return true;
}

function isDigits(text: string, from = 0, to = text.length): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** A non-negative decimal integer (digits only: no sign, exponent or hex), or null. */
export function parseUnsigned(text: string): number | null {
  if (text.length > MAX_SAFE_DIGITS || !isDigits(text)) return null;
  return Number(text);
}

/** An integer with an optional leading `-`, or null. */
export function parseSigned(text: string): number | null {
  if (text.startsWith("-")) {
    const value = parseUnsigned(text.slice(1));
    return value === null ? null : -value;
  }
  return parseUnsigned(text);
}

/** Epoch seconds with an optional fraction (`1157689312.049`) as epoch ms, or null. */
export function parseEpochSeconds(text: string): number | null {
  const dot = text.indexOf(".");
  const whole = dot === -1 ? text : text.slice(0, dot);
  const seconds = parseUnsigned(whole);
  if (seconds === null) return null;
  if (dot === -1) return seconds * 1000;
  if (!isDigits(text, dot + 1)) return null;
  const millis = Number(text.slice(dot + 1, dot + 4).padEnd(3, "0"));
  return seconds * 1000 + millis;
}

/** `-` and the empty string mean "none" in every format here. */
export function present(value: string | undefined): string | undefined {
  return value === undefined || value === "" || value === "-" ? undefined : value;
}

/** Percent-decoded text (Squid escapes user names), or the text as it was if it is not valid. */
export function percentDecoded(text: string): string {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** IPv4 or IPv6 by its characters alone: enough to tell an address from a host name. */
export function looksLikeIpAddress(text: string): boolean {
  if (text.length === 0 || text.length > 45) return false;
  let hasSeparator = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 || code === 58) hasSeparator = true;
    else if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70))) {
      return false;
    }
  }
  return hasSeparator;
}

/** An HTTP method token: letters first, then letters, digits, `-` or `_`; at most 32 long. */
export function isMethodToken(text: string): boolean {
  if (text.length === 0 || text.length > 32) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (!letter && (i === 0 || !((code >= 48 && code <= 57) || code === 45 || code === 95))) return false;
  }
  return true;
}

export type HostAndPort = { host?: string; port?: number };

/**
 * Host and port of an absolute URL (`http://user@Example.COM:8080/x`) or of a CONNECT target
 * (`example.com:443`). Hosts longer than DNS allows are left out rather than cut: a cut host
 * would match the wrong list entries.
 */
export function hostOfUrl(url: string, isAuthority = false): HostAndPort {
  let start = 0;
  if (!isAuthority) {
    const scheme = url.indexOf("://");
    if (scheme <= 0 || scheme > 16) return {};
    start = scheme + 3;
  }
  let end = start;
  while (end < url.length) {
    const ch = url.charCodeAt(end);
    if (ch === 47 || ch === 63 || ch === 35) break; // / ? #
    end++;
  }
  let authority = url.slice(start, end);
  const at = authority.lastIndexOf("@");
  if (at !== -1) authority = authority.slice(at + 1);
  let host = authority;
  let port: number | undefined;
  if (authority.startsWith("[")) {
    const close = authority.indexOf("]");
    if (close === -1) return {};
    host = authority.slice(0, close + 1);
    const rest = authority.slice(close + 1);
    if (rest.startsWith(":")) port = parseUnsigned(rest.slice(1)) ?? undefined;
  } else {
    const colon = authority.lastIndexOf(":");
    if (colon !== -1) {
      port = parseUnsigned(authority.slice(colon + 1)) ?? undefined;
      host = authority.slice(0, colon);
    }
  }
  return { ...tidyHost(host), ...(port !== undefined && port <= 65535 ? { port } : {}) };
}

/** A host or DNS name in lower case without a trailing dot; empty or over-long names are left out. */
export function tidyHost(name: string): HostAndPort {
  let host = name.toLowerCase();
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (host.length === 0 || host.length > MAX_HOST_LENGTH) return {};
  return { host };
}

/** The first `count` whitespace-separated fields, without splitting the rest of a long line. */
export function firstFields(text: string, count: number): string[] {
  const fields: string[] = [];
  let position = 0;
  while (fields.length < count) {
    while (position < text.length && isWhitespace(text.charCodeAt(position))) position++;
    if (position >= text.length) break;
    const start = position;
    while (position < text.length && !isWhitespace(text.charCodeAt(position))) position++;
    fields.push(text.slice(start, position));
  }
  return fields;
}

/** The object without its `undefined` properties, so events carry only what the log said. */
export function definedOnly<T extends object>(fields: T): Partial<T> {
  const kept: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) {
    if (fields[key] !== undefined) kept[key] = fields[key];
  }
  return kept;
}
