/**
 * Host names in one form, so a list entry and a visited URL compare as equal strings: lower
 * case, ASCII (IDNA to punycode), no port, userinfo or trailing dot. `new URL()` does the IDNA
 * and IPv4 work in both Node and browsers; the plain-ASCII fast path skips it because list
 * loading canonicalises a quarter of a million names.
 */

const DOTTED_QUAD = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
/** An IPv4 address exactly as `new URL()` would print it (no leading zeros, octets <= 255). */
const CANONICAL_IPV4 = new RegExp(`^(?:${OCTET}\\.){3}${OCTET}$`);
const MAX_HOST_LENGTH = 253;
const DOT = 46;
const HEX_NUMBER = /^0x[0-9a-f]*$/;

/** Canonical form of a host or list entry (`*.Example.COM:8080.` → `example.com`), or null. */
export function canonicaliseHost(raw: string): string | null {
  if (raw.length <= MAX_HOST_LENGTH && (isPlainHost(raw) || CANONICAL_IPV4.test(raw))) return raw;
  let host = raw.trim().toLowerCase();
  if (host.startsWith("*.")) host = host.slice(2);
  while (host.startsWith(".")) host = host.slice(1);
  host = stripPort(host);
  while (host.endsWith(".")) host = host.slice(0, -1);
  if (host.length === 0 || host.length > MAX_HOST_LENGTH * 4) return null;
  if (isPlainHost(host)) return host.length <= MAX_HOST_LENGTH ? host : null;
  return hostFromUrlParser(host);
}

/** True for IPv4 dotted quads and bracketed IPv6: they match exactly, never by suffix. */
export function isIpHost(host: string): boolean {
  return host.startsWith("[") || DOTTED_QUAD.test(host);
}

/** Finishes a host the URL parser has produced: trailing dots off, length checked. */
export function tidyParsedHost(hostname: string): string | null {
  // Hosts of non-special schemes come back opaque, in their original case.
  let host = hostname.toLowerCase();
  while (host.endsWith(".")) host = host.slice(0, -1);
  if (host.length === 0 || host.length > MAX_HOST_LENGTH) return null;
  return host;
}

/**
 * Already canonical: lower-case letters, digits, `-`, `_`, non-empty dot-separated labels, and a
 * last label that `new URL()` would not read as a number (IPv4 in decimal, octal or hex). A
 * char loop, because list loading calls this for every entry.
 */
export function isPlainHost(host: string): boolean {
  let labelStart = 0;
  let labelIsNumeric = true;
  for (let i = 0; i < host.length; i++) {
    const code = host.charCodeAt(i);
    if (code === DOT) {
      if (i === labelStart) return false;
      labelStart = i + 1;
      labelIsNumeric = true;
    } else if (code >= 48 && code <= 57) {
      continue;
    } else if ((code >= 97 && code <= 122) || code === 45 || code === 95) {
      labelIsNumeric = false;
    } else {
      return false;
    }
  }
  if (labelStart === host.length || labelIsNumeric) return false;
  return host.charCodeAt(labelStart) !== 48 || !HEX_NUMBER.test(host.slice(labelStart));
}

function stripPort(host: string): string {
  if (host.startsWith("[")) {
    const close = host.indexOf("]");
    return close === -1 ? host : host.slice(0, close + 1);
  }
  const colon = host.indexOf(":");
  // Two colons without brackets is a bare IPv6 address, not host:port.
  if (colon === -1 || host.indexOf(":", colon + 1) !== -1) return colon === -1 ? host : `[${host}]`;
  return host.slice(0, colon);
}

function hostFromUrlParser(host: string): string | null {
  try {
    return tidyParsedHost(new URL(`http://${host}/`).hostname);
  } catch {
    return null;
  }
}
