// Pure parsers for web-filter, proxy and DNS logs and for syslog framing: no I/O, and no input
// makes them throw or run in more than linear time. Ingest reads lines; these turn them into events.
export { parserFor, isLogFormat, LOG_FORMATS, type LogFormat, type ParserLookup } from "./parser-registry.js";
export { DEFAULT_MAX_FIELD_LENGTH, type ParserOptions } from "./parser-options.js";
export { CUT_MARKER } from "./log-fields.js";
export { BUILT_IN_LOGFORMATS } from "./squid-logformat.compile.js";
export {
  parseSyslogFrame,
  readSyslogLine,
  type SyslogFrame,
  type SyslogFrameResult,
  type SyslogHeader,
  type StructuredDataElement,
} from "./syslog-frame.js";
export {
  createFrameSplitter,
  DEFAULT_MAX_FRAME_BYTES,
  type FramePiece,
  type FrameSplitter,
  type FramingMode,
  type SplitterOptions,
} from "./syslog-tcp-splitter.js";
export type { LineParser, LogAction, LogEventKind, ParsedLogEvent, ParseResult } from "../log-line.js";
