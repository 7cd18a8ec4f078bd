/**
 * e2guardian's native access log. Three layouts share the `e2guardian` format name:
 *
 * - format 1 (DansGuardian style), space separated:
 *   `when who from where what how size weight category group code mimetype clienthost groupname ...`
 *   The reason (`what`) and the category hold spaces, so they are found between anchors: the
 *   first `METHOD size weight` after the URL, then the first `group status` after the weight.
 *   Fields after the MIME type (client host, group name, user agent) cannot be told apart
 *   reliably here and are not read.
 * - format 4: the same fields separated by tabs, read by position.
 * - formats 5 to 8 (e2guardian 5): tab separated, starting with epoch seconds:
 *   `time server who from clienthost where how code size mimetype useragent - duration - msgno what weight category groupname group ...`
 */
import { malformedLine, skippedLine, type LineParser, type ParseResult } from "../log-line.js";
import { e2guardianEvent, recordFromOrderedFields, type E2guardianRecord } from "./e2guardian-record.js";
import {
  isBlank,
  isMethodToken,
  parseEpochSeconds,
  parseSigned,
  parseUnsigned,
  splitOnWhitespace,
  stripLineEnd,
} from "./log-fields.js";
import type { ParseContext } from "./parser-options.js";

const DG_TAB_MIN_FIELDS = 9;
const PROTEX_FIELDS = 20;

/** A parser for e2guardian's native log formats 1, 4 and 5 to 8. */
export function createE2guardianParser(context: ParseContext): LineParser {
  return (input) => {
    const line = stripLineEnd(input);
    if (isBlank(line)) return skippedLine("blank line");
    if (line.includes("\t")) return parseTabbed(line.split("\t"), context);
    return parseSpaced(splitOnWhitespace(line), context);
  };
}

function parseTabbed(fields: string[], context: ParseContext): ParseResult {
  if (parseEpochSeconds(fields[0] ?? "") !== null) return parseProtex(fields, context);
  if (fields.length < DG_TAB_MIN_FIELDS) {
    return malformedLine(`expected at least ${DG_TAB_MIN_FIELDS} tab-separated fields, got ${fields.length}`);
  }
  return e2guardianEvent(recordFromOrderedFields(fields), context);
}

/** e2guardian 5's layout; the client IP column is missing when `logclientnameandip` is off. */
function parseProtex(fields: string[], context: ParseContext): ParseResult {
  // Formats 5 and 6 have 20 fields, 7 and 8 add two (search terms, flags): one fewer of each
  // means the client IP column was left out.
  const withoutIp = fields.length === PROTEX_FIELDS - 1 || fields.length === PROTEX_FIELDS + 1;
  if (fields.length < PROTEX_FIELDS - 1) {
    return malformedLine(
      `expected ${PROTEX_FIELDS} tab-separated fields (e2guardian 5), got ${fields.length}`,
    );
  }
  const shift = withoutIp ? 1 : 0;
  const at = (index: number) => fields[index < 3 ? index : index - shift] ?? "";
  return e2guardianEvent(
    {
      when: at(0),
      who: at(2),
      from: shift === 1 ? at(4) : at(3),
      clientHost: at(4),
      where: at(5),
      how: at(6),
      code: at(7),
      size: at(8),
      mimetype: at(9),
      userAgent: at(10),
      duration: at(12),
      what: at(15),
      weight: at(16),
      category: at(17),
      groupName: at(18),
      group: at(19),
    },
    context,
  );
}

function parseSpaced(tokens: string[], context: ParseContext): ParseResult {
  if (tokens.length < 9)
    return malformedLine(`expected at least 9 space-separated fields, got ${tokens.length}`);
  // A blank user collapses into the separators: the URL then sits one field earlier.
  const userMissing = (tokens[3] ?? "").includes("://") && !(tokens[4] ?? "").includes("://");
  const urlIndex = userMissing ? 3 : 4;
  const methodIndex = findMethod(tokens, urlIndex + 1);
  if (methodIndex === -1) return malformedLine("no 'method size weight' fields after the URL");
  const groupIndex = findGroupAndStatus(tokens, methodIndex + 3);
  if (groupIndex === -1) return malformedLine("no 'filtergroup status' fields after the category");
  const record: E2guardianRecord = {
    when: `${tokens[0] ?? ""} ${tokens[1] ?? ""}`,
    who: userMissing ? "-" : (tokens[2] ?? ""),
    from: tokens[urlIndex - 1] ?? "",
    where: tokens[urlIndex] ?? "",
    what: tokens.slice(urlIndex + 1, methodIndex).join(" "),
    how: tokens[methodIndex] ?? "",
    size: tokens[methodIndex + 1] ?? "",
    weight: tokens[methodIndex + 2] ?? "",
    category: tokens.slice(methodIndex + 3, groupIndex).join(" "),
    group: tokens[groupIndex] ?? "",
    code: tokens[groupIndex + 1] ?? "",
    mimetype: tokens[groupIndex + 2] ?? "-",
  };
  return e2guardianEvent(record, context);
}

function findMethod(tokens: string[], from: number): number {
  for (let i = from; i + 2 < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (!isMethodToken(token) || token !== token.toUpperCase()) continue;
    if (parseUnsigned(tokens[i + 1] ?? "") !== null && parseSigned(tokens[i + 2] ?? "") !== null) return i;
  }
  return -1;
}

function findGroupAndStatus(tokens: string[], from: number): number {
  for (let i = from; i + 1 < tokens.length; i++) {
    const status = tokens[i + 1] ?? "";
    if (parseUnsigned(tokens[i] ?? "") !== null && status.length === 3 && parseUnsigned(status) !== null)
      return i;
  }
  return -1;
}
