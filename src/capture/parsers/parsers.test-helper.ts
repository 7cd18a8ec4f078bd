/**
 * Shared checks for the parser tests: what every parse result must look like whatever the
 * input, the hostile inputs every parser is run against, and a mutation arbitrary that keeps
 * lines close enough to valid to reach the deep branches of a parser.
 */
import fc from "fast-check";
import { expect } from "vitest";
import type { LineParser, ParsedLogEvent, ParseResult } from "../log-line.js";
import { parserFor } from "./parser-registry.js";
import type { ParserOptions } from "./parser-options.js";

const MAX_REASON_LENGTH = 300;
const ONE_MEGABYTE = 1024 * 1024;
/** Generous: a 1 MB line parses in a few ms; a quadratic scan would take minutes. */
export const LINEAR_TIME_BUDGET_MS = 1000;

/** The parser for a format, failing the test if it cannot be made. */
export function parserOrFail(format: string, options?: ParserOptions): LineParser {
  const lookup = parserFor(format, options);
  if (!lookup.ok) throw new Error(lookup.reason);
  return lookup.parse;
}

/** The event of a result that must have parsed. */
export function eventOf(result: ParseResult): ParsedLogEvent {
  if (!result.ok) throw new Error(`expected an event, got: ${result.reason}`);
  return result.event;
}

/** The reason of a result that must have failed (malformed, not skipped). */
export function malformedReason(result: ParseResult): string {
  if (result.ok || result.skip) throw new Error(`expected a malformed line, got ${JSON.stringify(result)}`);
  return result.reason;
}

/** The reason of a result that must have been skipped. */
export function skipReason(result: ParseResult): string {
  if (result.ok || !result.skip) throw new Error(`expected a skipped line, got ${JSON.stringify(result)}`);
  return result.reason;
}

/** Holds for every result of every input: a valid event, or a short non-empty reason. */
export function expectWellFormed(result: ParseResult): void {
  if (result.ok) {
    const { event } = result;
    expect(["web-visit", "dns-query"]).toContain(event.kind);
    expect(["allowed", "blocked", "unknown"]).toContain(event.action);
    expect(new Date(event.time).toISOString()).toBe(event.time);
    for (const value of Object.values(event)) expect(value).not.toBeUndefined();
  } else {
    expect(typeof result.skip).toBe("boolean");
    expect(result.reason.length).toBeGreaterThan(0);
    expect(result.reason.length).toBeLessThanOrEqual(MAX_REASON_LENGTH);
  }
}

/** Arbitrary text of many kinds: binary, UTF-16 noise, line-like tokens. */
export const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc
    .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 })
    .map((units) => String.fromCharCode(...units)),
  fc.string({
    unit: fc.constantFrom(
      " ",
      "\t",
      "/",
      ":",
      ".",
      "-",
      "*",
      '"',
      ",",
      "#",
      "(",
      ")",
      "[",
      "]",
      "<",
      ">",
      "1",
      "9",
      "a",
      "Z",
      "%",
    ),
    maxLength: 120,
  }),
);

/** A valid line with a few characters inserted, deleted or replaced. */
export function mutated(line: string): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.nat({ max: line.length }),
    remove: fc.nat({ max: 8 }),
    insert: fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom(" ", "\t", "-", "\uFFFD", '"', "*", "0", ""),
    ),
  });
  return fc
    .array(edit, { minLength: 1, maxLength: 4 })
    .map((edits) =>
      edits.reduce(
        (text, { at, remove, insert }) => text.slice(0, at) + insert + text.slice(at + remove),
        line,
      ),
    );
}

/** Lines of about 1 MB shaped to trouble naive scanners. */
export function hugeLines(validLine: string): string[] {
  const repeat = (piece: string) => piece.repeat(Math.ceil(ONE_MEGABYTE / piece.length));
  return [
    repeat(" "),
    repeat('"'),
    repeat("\t*"),
    repeat("1 "),
    repeat("GET 1 1 "),
    repeat('","'),
    repeat("client \uFFFD"),
    validLine + repeat("x"),
    validLine.replace(/http:\/\/\S*/, `http://example.com/${repeat("p")}`),
  ];
}

/** Runs a parser over the huge lines and checks each result and the time taken. */
export function expectLinearOnHugeLines(parse: LineParser, validLine: string): void {
  for (const line of hugeLines(validLine)) {
    const started = performance.now();
    const result = parse(line);
    expect(performance.now() - started).toBeLessThan(LINEAR_TIME_BUDGET_MS);
    expectWellFormed(result);
  }
}
