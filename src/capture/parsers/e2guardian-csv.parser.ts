/**
 * e2guardian's format 2: the format 1 fields as CSV, each in double quotes:
 *
 *   "2024.3.5 14:02:11","-","192.168.0.5","http://example.com/","*DENIED* Banned site: example.com","GET","0","0","Adult Sites","1","403","-",...
 *
 * e2guardian does not escape quotes inside fields, so fields are split on `","` rather than by
 * a CSV reader; doubled quotes (`""`) from tools that re-quote are undone. e2guardian 5 writes
 * the fields without quotes; that is read only when the comma count leaves no doubt.
 */
import { malformedLine, skippedLine, type LineParser } from "../log-line.js";
import { e2guardianEvent, recordFromOrderedFields } from "./e2guardian-record.js";
import { isBlank, stripLineEnd } from "./log-fields.js";
import type { ParseContext } from "./parser-options.js";

const MIN_FIELDS = 9;
/** The format 1 field list as e2guardian 5 writes it, from `when` to `postdata`. */
const UNQUOTED_FIELDS = 19;

/** A parser for e2guardian's CSV log format. */
export function createE2guardianCsvParser(context: ParseContext): LineParser {
  return (input) => {
    const line = stripLineEnd(input).trim();
    if (isBlank(line)) return skippedLine("blank line");
    const fields = line.startsWith('"') ? splitQuoted(line) : line.split(",");
    if (fields === null) return malformedLine("CSV line starts with a quote but does not end with one");
    if (!line.startsWith('"') && fields.length !== UNQUOTED_FIELDS) {
      return malformedLine(
        `unquoted CSV line has ${fields.length} fields, expected ${UNQUOTED_FIELDS}: commas inside fields make it ambiguous`,
      );
    }
    if (fields.length < MIN_FIELDS)
      return malformedLine(`expected at least ${MIN_FIELDS} CSV fields, got ${fields.length}`);
    return e2guardianEvent(recordFromOrderedFields(fields), context);
  };
}

function splitQuoted(line: string): string[] | null {
  if (line.length < 2 || !line.endsWith('"')) return null;
  const inner = line.slice(1, -1);
  const fields: string[] = [];
  let start = 0;
  for (;;) {
    const next = inner.indexOf('","', start);
    const end = next === -1 ? inner.length : next;
    fields.push(inner.slice(start, end).replaceAll('""', '"'));
    if (next === -1) return fields;
    start = next + 3;
  }
}
