/**
 * Whether a proxy or filter blocked a request, from the words it logs. Kept apart from the
 * parsers because Squid, e2guardian and e2guardian's Squid-compatible format share the rules.
 */
import type { LogAction } from "../log-line.js";

const STATUS_FORBIDDEN = 403;
const STATUS_PROXY_AUTH = 407;
/** e2guardian's markers (English defaults) that say it let the request through. */
const PASSING_MARKERS = ["EXCEPTION", "TRUSTED", "SCANNED", "CONTENTMOD", "URLMOD", "HEADERMOD", "HEADERADD"];
const BLOCKING_MARKERS = ["DENIED", "INFECTED"];
const MAX_MARKERS = 8;

export type SquidVerdict = { action: LogAction; reason?: string };

/**
 * Squid: `TCP_DENIED` (and `*_DENIED_*`) is the proxy's own refusal, as is a 407 (the user
 * did not authenticate). A 403 counts only when the request never left the proxy (hierarchy
 * `NONE`): a `TCP_MISS/403` is the origin server's refusal, which the filter allowed.
 */
export function squidVerdict(resultCode: string, status: number, hierarchy: string): SquidVerdict {
  if (resultCode.startsWith("*")) return markerVerdict(readMarkers(resultCode).markers, status);
  if (resultCode.includes("DENIED")) {
    return {
      action: "blocked",
      reason: status === STATUS_PROXY_AUTH ? "proxy authentication required" : "denied by proxy",
    };
  }
  if (status === STATUS_PROXY_AUTH) return { action: "blocked", reason: "proxy authentication required" };
  if (status === STATUS_FORBIDDEN && (hierarchy === "NONE" || hierarchy === "HIER_NONE")) {
    return { action: "blocked", reason: "denied by proxy" };
  }
  if (
    status === 0 ||
    resultCode === "NONE" ||
    resultCode.startsWith("NONE_") ||
    resultCode.startsWith("TAG_NONE")
  ) {
    return { action: "unknown" };
  }
  return { action: "allowed" };
}

export type Markers = { markers: string[]; rest: string };

/** Leading `*WORD*` markers of e2guardian's "what" field, and the text after them. */
export function readMarkers(text: string): Markers {
  const markers: string[] = [];
  let position = 0;
  while (markers.length < MAX_MARKERS) {
    while (text.charCodeAt(position) === 32) position++;
    if (text.charCodeAt(position) !== 42) break; // '*'
    const close = text.indexOf("*", position + 1);
    if (close === -1) break;
    markers.push(text.slice(position + 1, close));
    position = close + 1;
  }
  return { markers, rest: text.slice(position).trim() };
}

/**
 * e2guardian: `*DENIED*` (also `*DENIED-POST*`) and `*INFECTED*` block; the passing markers
 * allow. Markers are translated in non-English installs and e2guardian 5 writes none, so
 * without a known marker a 403 that comes with a reason is a block (e2guardian sets 403 on
 * everything it blocks; an origin server's 403 has no filter reason).
 */
export function markerVerdict(
  markers: readonly string[],
  status: number | undefined,
  hasReason = markers.length > 0,
): SquidVerdict {
  if (markers.some((marker) => BLOCKING_MARKERS.some((word) => marker.startsWith(word)))) {
    return { action: "blocked" };
  }
  if (markers.some((marker) => PASSING_MARKERS.includes(marker))) return { action: "allowed" };
  if (status === STATUS_FORBIDDEN && hasReason) return { action: "blocked" };
  return { action: markers.length > 0 ? "unknown" : "allowed" };
}
