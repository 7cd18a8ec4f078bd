/**
 * dnsmasq with `log-queries`, as written to its own log file or through syslog:
 *
 *   Mar  5 14:02:11 dnsmasq[123]: query[A] example.com from 192.168.0.5
 *   Mar  5 14:02:11 gateway dnsmasq[123]: 17 192.168.0.5/53211 query[AAAA] example.com from 192.168.0.5   (log-queries=extra)
 *
 * Only `query[...]` lines are events. `forwarded`, `reply`, `cached`, `config` and the like are
 * the answer side of the same query, and lines of other programs may share a syslog file:
 * both are skipped, not malformed. A block by dnsmasq shows only on its `config` line, so a
 * query's action is `unknown`. Stamps have no year (see `referenceTime`) and no zone.
 */
import {
  malformedLine,
  parsedEvent,
  skippedLine,
  type LineParser,
  type ParsedLogEvent,
} from "../log-line.js";
import {
  fieldCutter,
  firstFields,
  isBlank,
  looksLikeIpAddress,
  quote,
  stripLineEnd,
  tidyHost,
} from "./log-fields.js";
import type { ParseContext } from "./parser-options.js";
import { readSyslogLine } from "./syslog-frame.js";

const QUERY_PREFIX = "query[";

/** A parser for dnsmasq query log lines. */
export function createDnsmasqParser(context: ParseContext): LineParser {
  return (input) => {
    const line = stripLineEnd(input);
    if (isBlank(line)) return skippedLine("blank line");
    const read = readSyslogLine(line, context);
    if (!read.ok) return malformedLine(read.reason);
    const { header } = read;
    if (header.time === undefined) return malformedLine("syslog frame has no time");
    if (header.app === undefined) return malformedLine("no 'dnsmasq[pid]:' tag after the time stamp");
    if (header.app !== "dnsmasq") return skippedLine(`line of ${quote(header.app)}, not of dnsmasq`);

    let fields = firstFields(header.message, 6);
    // log-queries=extra puts a serial number and the client's address/port first.
    if (/^\d+$/.test(fields[0] ?? "") && (fields[1] ?? "").includes("/")) fields = fields.slice(2);
    const [word = "", name = "", from = "", client = ""] = fields;
    if (!word.startsWith(QUERY_PREFIX)) {
      const bracket = word.indexOf("[");
      return skippedLine(
        `dnsmasq ${quote(bracket === -1 ? word : word.slice(0, bracket))} line is not a query`,
      );
    }
    if (!word.endsWith("]") || word.length === QUERY_PREFIX.length + 1) {
      return malformedLine(`query type is not in brackets: ${quote(word)}`);
    }
    if (name === "") return malformedLine("query line has no name");
    if (from !== "from" || client === "") return malformedLine("query line has no 'from <client>'");
    const target = tidyHost(name);
    if (target.host === undefined) return malformedLine(`query name is not a DNS name: ${quote(name)}`);
    const cutter = fieldCutter(context.maxFieldLength);
    const event: ParsedLogEvent = {
      kind: "dns-query",
      time: header.time,
      action: "unknown",
      ...(looksLikeIpAddress(client) ? { clientIp: client } : { clientHost: cutter.cut(client) }),
      host: target.host,
      queryType: cutter.cut(word.slice(QUERY_PREFIX.length, -1)),
    };
    if (cutter.truncated) event.truncated = true;
    return parsedEvent(event);
  };
}
