/**
 * Splits whatever a browser, proxy log or pupil typed into host, path, query and fragment. Bare
 * hosts (`example.com/path`) get `http://`. Common ASCII URLs take a regex fast path, because
 * `new URL()` costs more than the whole list lookup; anything odd in the authority (userinfo, IDN,
 * numeric IPv4 forms, tabs, backslashes) goes to `new URL()`, which applies the WHATWG rules
 * browsers use. Nothing here throws.
 */
import { isIpHost, tidyParsedHost } from "./canonical-host.js";

export type UrlParts = {
  /** Canonical host (see canonical-host.ts); IPv6 keeps its brackets. */
  host: string;
  isIp: boolean;
  /** Path as written, starting with `/`. */
  path: string;
  /** Query without the `?`, not decoded. */
  query: string;
  /** Fragment without the `#`, not decoded. */
  fragment: string;
};

/** Longer input is cut: real URLs this long are tracking junk, and the cap bounds the work. */
export const MAX_URL_LENGTH = 16_384;

const MAX_HOST_LENGTH = 253;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const PORT_AFTER_COLON = /^\d+(?:[/?#]|$)/;
const FAST_URL = /^[a-z][a-z0-9+.-]*:\/\/([a-z0-9_-]+(?:\.[a-z0-9_-]+)*)\.?(?::\d{1,5})?(?=[/?#]|$)/i;

/** Parts of `input`, or null when it names no host (garbage, `mailto:`, `data:`). */
export function parseUrlParts(input: string): UrlParts | null {
  const url = withScheme(input.slice(0, MAX_URL_LENGTH).trim());
  if (url === null) return null;
  const fast = FAST_URL.exec(url);
  if (fast?.[1] !== undefined && !looksNumeric(fast[1])) {
    if (fast[1].length > MAX_HOST_LENGTH) return null;
    return splitRest(fast[1].toLowerCase(), url, fast[0].length);
  }
  return parseWithUrl(url);
}

/**
 * A last label starting with a digit may be IPv4 in some form (`0x7f.1`, `2130706433`) that only
 * the URL parser normalises; no real TLD starts with a digit, so this sends no name the slow way.
 */
function looksNumeric(host: string): boolean {
  const code = host.charCodeAt(host.lastIndexOf(".") + 1);
  return code >= 48 && code <= 57;
}

function withScheme(url: string): string | null {
  if (url.length === 0) return null;
  const scheme = SCHEME.exec(url);
  if (scheme) {
    const rest = url.slice(scheme[0].length);
    if (rest.startsWith("//")) return url;
    // `localhost:3000/x` is a host and port, not a scheme called "localhost".
    return PORT_AFTER_COLON.test(rest) ? `http://${url}` : null;
  }
  return url.startsWith("//") ? `http:${url}` : `http://${url}`;
}

function splitRest(host: string, url: string, from: number): UrlParts {
  let hash = url.indexOf("#", from);
  if (hash === -1) hash = url.length;
  let question = url.indexOf("?", from);
  if (question === -1 || question > hash) question = hash;
  return {
    host,
    isIp: false,
    path: question === from ? "/" : url.slice(from, question),
    query: question < hash ? url.slice(question + 1, hash) : "",
    fragment: hash < url.length ? url.slice(hash + 1) : "",
  };
}

function parseWithUrl(url: string): UrlParts | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = tidyParsedHost(parsed.hostname);
  if (host === null) return null;
  return {
    host,
    isIp: isIpHost(host),
    path: parsed.pathname.length === 0 ? "/" : parsed.pathname,
    query: parsed.search.slice(1),
    fragment: parsed.hash.slice(1),
  };
}
