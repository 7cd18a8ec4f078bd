/**
 * Filter avoidance that shows in the shape of a URL rather than in a list: web-proxy scripts
 * (Glype, CGIProxy, CroxyProxy, PHP relays), Google Translate used as a proxy, and DNS over
 * HTTPS endpoints. New proxy sites appear daily, but they run the same few scripts, so the
 * script's URL shape catches sites no list has yet.
 */
import type { UrlParts } from "./parse-url.js";
import { findQueryParam } from "./safe-decode.js";
import type { AvoidanceKind } from "./url-categories.js";

export type AvoidancePattern = { kind: AvoidanceKind; pattern: string };

/** Public DoH resolvers that answer at `/resolve` (JSON API) as well as `/dns-query`. */
const DOH_HOSTS = new Set([
  "dns.google",
  "dns.google.com",
  "cloudflare-dns.com",
  "mozilla.cloudflare-dns.com",
  "chrome.cloudflare-dns.com",
  "dns.quad9.net",
  "doh.opendns.com",
  "dns.nextdns.io",
  "doh.cleanbrowsing.org",
  "dns.adguard.com",
  "dns.adguard-dns.com",
  "doh.dns.sb",
  "dns.sb",
  "1.1.1.1",
  "1.0.0.1",
  "8.8.8.8",
  "8.8.4.4",
  "9.9.9.9",
]);

/** RFC 8484's default path; any host answering there is a resolver. */
const DOH_QUERY_PATH = /^\/dns-query(?:\/|$)/i;
const DOH_PATH = /^\/(?:dns-query|resolve)(?:\/|$)/i;
const GLYPE = /\/browse\.php$/i;
const CGIPROXY = /\/nph-[a-z0-9_-]*proxy[a-z0-9_-]*\.(?:cgi|pl)(?:\/|$)/i;
const CROXY = /(?:^|&)__cp[oi]=|\/__cpi\.php/i;
const PROXY_WORDS = /proxy|unblock|browse|surf|anon|hide|relay|fetch|bypass/i;
/** Every path the checks below could match contains one of these. */
const HINT = /dns-query|resolve|browse|nph-|__cpi|proxy|unblock|surf|anon|hide|relay|fetch|bypass/i;
const RELAY_PARAMS = ["u", "url", "q", "target", "link", "site"] as const;
const ABSOLUTE_URL = /^(?:https?:\/\/|https?%3a|www\.)/i;

/** Avoidance patterns in a parsed URL, each named for the report. */
export function findAvoidancePatterns(parts: UrlParts): AvoidancePattern[] {
  const found: AvoidancePattern[] = [];
  const { host, path, query } = parts;
  // Nearly every URL has none of these marks; one regex rules them all out.
  if (!HINT.test(path) && !query.includes("__cp") && !DOH_HOSTS.has(host) && !host.endsWith(".goog")) {
    return found;
  }
  if (DOH_QUERY_PATH.test(path) || (DOH_HOSTS.has(host) && DOH_PATH.test(path))) {
    found.push({ kind: "doh", pattern: "doh-endpoint" });
  }
  if (host.endsWith(".translate.goog")) found.push({ kind: "proxy", pattern: "translate-proxy" });
  if (GLYPE.test(path) && findQueryParam(query, ["u"]) !== null)
    found.push({ kind: "proxy", pattern: "glype" });
  if (CGIPROXY.test(path)) found.push({ kind: "proxy", pattern: "cgiproxy" });
  if (CROXY.test(query) || CROXY.test(path)) found.push({ kind: "proxy", pattern: "croxyproxy" });
  if (found.length === 0 && isUrlRelay(parts)) found.push({ kind: "proxy", pattern: "url-relay" });
  return found;
}

/**
 * `?url=https://elsewhere` on a proxy-looking path. The path test matters: plain `?url=` is also
 * every login redirect and share button, which would bury the real relays in noise.
 */
function isUrlRelay({ host, path, query }: UrlParts): boolean {
  if (query.length === 0 || !PROXY_WORDS.test(path)) return false;
  const target = findQueryParam(query, RELAY_PARAMS);
  return target !== null && ABSOLUTE_URL.test(target.trim()) && !target.includes(host);
}
