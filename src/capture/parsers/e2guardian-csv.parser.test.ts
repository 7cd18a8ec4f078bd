import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anyText,
  eventOf,
  expectLinearOnHugeLines,
  expectWellFormed,
  malformedReason,
  mutated,
  parserOrFail,
} from "./parsers.test-helper.js";

const parse = parserOrFail("e2guardian-csv");
const csv = (fields: string[]) => `"${fields.join('","')}"`;
const FIELDS = [
  "2024.3.5 14:02:11",
  "alice",
  "192.168.0.5",
  "http://example.com/a,b",
  "*DENIED* Banned site: example.com",
  "GET",
  "0",
  "150",
  "Adult Sites, Gambling",
  "1",
  "403",
  "-",
  "pc-5.lan",
  "Pupils",
  'Mozilla/5.0 "Gecko"',
  "",
  "",
  "",
  "",
];
const LINE = csv(FIELDS);

describe("e2guardian CSV (format 2): refusals", () => {
  it.each([
    ['"2024.3.5 14:02:11","alice', "CSV line starts with a quote but does not end with one"],
    [csv(FIELDS.slice(0, 5)), "expected at least 9 CSV fields, got 5"],
    ["2024.3.5 14:02:11,alice,192.168.0.5,http://x/", "unquoted CSV line has 4 fields, expected 19"],
    [csv(FIELDS.map((field, i) => (i === 6 ? "-1" : field))), "size is not a number: '-1'"],
    [
      csv(FIELDS.map((field, i) => (i === 0 ? "5/3/2024 14:02" : field))),
      "date/time is not 'yyyy.m.d hh:mm:ss'",
    ],
  ])("%j → %s", (line, reason) => {
    expect(malformedReason(parse(line))).toContain(reason);
  });
});

describe("e2guardian CSV (format 2)", () => {
  it("reads quoted fields holding commas and unescaped quotes", () => {
    expect(eventOf(parse(LINE))).toEqual({
      kind: "web-visit",
      time: "2024-03-05T14:02:11.000Z",
      action: "blocked",
      clientIp: "192.168.0.5",
      clientHost: "pc-5.lan",
      user: "alice",
      url: "http://example.com/a,b",
      host: "example.com",
      method: "GET",
      status: 403,
      bytes: 0,
      userAgent: 'Mozilla/5.0 "Gecko"',
      resultCode: "*DENIED*",
      filterCategory: "Adult Sites, Gambling",
      filterGroup: "Pupils",
      filterWeight: 150,
      reason: "Banned site: example.com",
    });
  });

  it("undoes doubled quotes and reads the older, shorter field list", () => {
    const older = csv(FIELDS.slice(0, 12).map((field, i) => (i === 4 ? 'Banned phrase: ""x""' : field)));
    expect(eventOf(parse(older))).toMatchObject({
      reason: 'Banned phrase: "x"',
      filterGroup: "1",
      action: "blocked",
    });
  });

  it("reads e2guardian 5's unquoted CSV when the comma count is exact", () => {
    const unquoted = FIELDS.map((field) => field.replaceAll(",", ";")).join(",");
    expect(eventOf(parse(unquoted))).toMatchObject({ url: "http://example.com/a;b", action: "blocked" });
  });
});

describe("e2guardian CSV properties", () => {
  it("never throws on any text or near-valid line", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, mutated(LINE)), (text) => {
        expectWellFormed(parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips random fields", () => {
    const text = fc
      .stringMatching(/^[A-Za-z0-9 ,:;.()/-]{1,30}$/)
      .filter((value) => value.trim() === value && value !== "-");
    fc.assert(
      fc.property(
        fc.record({ user: text, category: text, reason: text, size: fc.nat(), ip: fc.ipV4() }),
        (f) => {
          const fields = [...FIELDS];
          Object.assign(fields, {
            1: f.user,
            2: f.ip,
            4: `*EXCEPTION* ${f.reason}`,
            6: String(f.size),
            8: f.category,
          });
          expect(eventOf(parse(csv(fields)))).toMatchObject({
            user: f.user,
            clientIp: f.ip,
            reason: f.reason,
            bytes: f.size,
            filterCategory: f.category === "N/A" ? undefined : f.category,
            action: "allowed",
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("reads 1 MB lines of hostile shapes in linear time", () => {
    expectLinearOnHugeLines(parse, LINE);
  });
});
