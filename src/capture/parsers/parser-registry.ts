/**
 * One place that maps a configured log format name to its parser, so ingest configuration can
 * name a format as a string and get a parser or a reason, checked once at start-up.
 */
import type { LineParser } from "../log-line.js";
import { createBindParser } from "./bind.parser.js";
import { createDnsmasqParser } from "./dnsmasq.parser.js";
import { createE2guardianCsvParser } from "./e2guardian-csv.parser.js";
import { createE2guardianParser } from "./e2guardian.parser.js";
import { resolveParserOptions, type ParserOptions } from "./parser-options.js";
import { compileLogformat } from "./squid-logformat.compile.js";
import { createSquidLogformatParser } from "./squid-logformat.parser.js";
import { createSquidParser } from "./squid.parser.js";

export const LOG_FORMATS = [
  "squid",
  "squid-logformat",
  "e2guardian",
  "e2guardian-csv",
  "e2guardian-squid",
  "dnsmasq",
  "bind",
] as const;

export type LogFormat = (typeof LOG_FORMATS)[number];

export type ParserLookup = { ok: true; parse: LineParser } | { ok: false; reason: string };

/** True for the format names `parserFor` knows. */
export function isLogFormat(name: string): name is LogFormat {
  return (LOG_FORMATS as readonly string[]).includes(name);
}

/**
 * The line parser for a format, or the reason it cannot be made (unknown format, bad time
 * zone, a `logformat` spec that does not compile). The parser itself never throws.
 */
export function parserFor(format: string, options: ParserOptions = {}): ParserLookup {
  if (!isLogFormat(format)) {
    return { ok: false, reason: `unknown log format '${format}'; known: ${LOG_FORMATS.join(", ")}` };
  }
  const resolved = resolveParserOptions(options);
  if (!resolved.ok) return resolved;
  const { context } = resolved;
  switch (format) {
    case "squid":
      return { ok: true, parse: createSquidParser(context) };
    case "e2guardian-squid":
      return { ok: true, parse: createSquidParser(context, "e2guardian-squid") };
    case "squid-logformat": {
      if (options.logFormat === undefined)
        return { ok: false, reason: "squid-logformat needs the logFormat option" };
      const compiled = compileLogformat(options.logFormat);
      if (!compiled.ok) return { ok: false, reason: `logFormat: ${compiled.reason}` };
      return { ok: true, parse: createSquidLogformatParser(compiled.format, context) };
    }
    case "e2guardian":
      return { ok: true, parse: createE2guardianParser(context) };
    case "e2guardian-csv":
      return { ok: true, parse: createE2guardianCsvParser(context) };
    case "dnsmasq":
      return { ok: true, parse: createDnsmasqParser(context) };
    case "bind":
      return { ok: true, parse: createBindParser(context) };
  }
}
