/**
 * Squid's native access.log, and e2guardian's Squid-compatible format 3:
 *
 *   time.ms elapsed client code/status bytes method URL user hierarchy/peer type
 *   1157689312.049   5006 10.105.21.199 TCP_MISS/200 19763 CONNECT login.yahoo.com:443 badeyek DIRECT/175.16.199.115 -
 *
 * e2guardian may leave the user out entirely (two spaces, so nine fields), write `*DENIED*`
 * style markers in the code, and from version 5 separate the fields with commas.
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
  fieldCutter,
  firstFields,
  hostOfUrl,
  isBlank,
  isMethodToken,
  looksLikeIpAddress,
  parseEpochSeconds,
  parseSigned,
  parseUnsigned,
  percentDecoded,
  present,
  quote,
  stripLineEnd,
} from "./log-fields.js";
import { isoFromEpochMs } from "./log-time.js";
import type { ParseContext } from "./parser-options.js";

const FIELD_COUNT = 10;
const FIELDS_WITHOUT_USER = 9;
const LAYOUT = "time elapsed client code/status bytes method URL user hierarchy/peer type";

export type SquidDialect = "squid" | "e2guardian-squid";

/** A parser for Squid's native access.log lines (or e2guardian's copy of them). */
export function createSquidParser(context: ParseContext, dialect: SquidDialect = "squid"): LineParser {
  return (input) => {
    const line = stripLineEnd(input);
    if (isBlank(line)) return skippedLine("blank line");
    const fields =
      dialect === "e2guardian-squid" ? splitE2guardianSquid(line) : firstFields(line, FIELD_COUNT);
    if (fields.length < FIELDS_WITHOUT_USER || (dialect === "squid" && fields.length < FIELD_COUNT)) {
      return malformedLine(`expected ${FIELD_COUNT} fields (${LAYOUT}), got ${fields.length}`);
    }
    return readFields(fields, context);
  };
}

/** Format 3 is space separated up to e2guardian 4 and comma separated from 5. */
function splitE2guardianSquid(line: string): string[] {
  const firstSpace = line.search(/[ \t]/);
  const head = firstSpace === -1 ? line : line.slice(0, firstSpace);
  if (!head.includes(",")) return firstFields(line, FIELD_COUNT);
  const parts = line.split(",").map((part) => part.trim());
  if (parts.length <= FIELD_COUNT) return parts;
  // Commas inside the URL: the six fields before it and the three after it are fixed.
  return [...parts.slice(0, 6), parts.slice(6, parts.length - 3).join(","), ...parts.slice(parts.length - 3)];
}

function readFields(fields: string[], context: ParseContext) {
  const [
    timeText = "",
    elapsedText = "",
    client = "",
    codeStatus = "",
    bytesText = "",
    method = "",
    url = "",
  ] = fields;
  const userMissing = fields.length === FIELDS_WITHOUT_USER;
  const userText = userMissing ? "-" : (fields[7] ?? "-");
  const hierarchyPeer = fields[userMissing ? 7 : 8] ?? "-";
  const contentType = fields[userMissing ? 8 : 9] ?? "-";

  const epochMs = parseEpochSeconds(timeText);
  const time = epochMs === null ? null : isoFromEpochMs(epochMs);
  if (time === null) return malformedLine(`field 1 (time) is not epoch seconds: ${quote(timeText)}`);
  const elapsed = parseSigned(elapsedText);
  if (elapsed === null) return malformedLine(`field 2 (elapsed) is not a number: ${quote(elapsedText)}`);
  const slash = codeStatus.lastIndexOf("/");
  if (slash === -1) return malformedLine(`field 4 (code/status) has no '/': ${quote(codeStatus)}`);
  const resultCode = codeStatus.slice(0, slash);
  const statusText = codeStatus.slice(slash + 1);
  const status = parseUnsigned(statusText);
  if (status === null || status > 999) {
    return malformedLine(`field 4 (status) is not a number: ${quote(statusText)}`);
  }
  const bytes = parseUnsigned(bytesText);
  if (bytes === null) return malformedLine(`field 5 (bytes) is not a number: ${quote(bytesText)}`);
  // Squid logs failed parses with pseudo-URLs (`error:invalid-request`), and a connection that
  // closed before sending a request (a health check) with method `-`: no site was visited.
  if (url.startsWith("error:")) return skippedLine(`squid error pseudo-URL ${quote(url)} is not a visit`);
  if (!isMethodToken(method))
    return malformedLine(`field 6 (method) is not an HTTP method: ${quote(method)}`);

  const cutter = fieldCutter(context.maxFieldLength);
  const hierarchy = hierarchyPeer.split("/", 1)[0] ?? "";
  const verdict = squidVerdict(resultCode, status, hierarchy);
  const isConnect = method.toUpperCase() === "CONNECT";
  const target = isConnect && !url.includes("://") ? hostOfUrl(url, true) : hostOfUrl(url);
  const user = present(percentDecoded(userText));
  const event: ParsedLogEvent = {
    kind: "web-visit",
    time,
    action: verdict.action,
    ...(looksLikeIpAddress(client) ? { clientIp: client } : { clientHost: cutter.cut(client) }),
    ...(user === undefined ? {} : { user: cutter.cut(user) }),
    // A CONNECT target is a host and port, not a URL that was visited.
    ...(isConnect && !url.includes("://") ? {} : { url: cutter.cut(url) }),
    ...target,
    method,
    status,
    bytes,
    ...(elapsed >= 0 ? { durationMs: elapsed } : {}),
    resultCode: cutter.cut(resultCode),
    ...(present(contentType) === undefined ? {} : { contentType: cutter.cut(contentType) }),
    ...(verdict.reason === undefined ? {} : { reason: verdict.reason }),
  };
  if (cutter.truncated) event.truncated = true;
  return parsedEvent(event);
}
