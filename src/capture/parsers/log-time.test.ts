import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  epochMsWithoutYear,
  isoFromEpochMs,
  parseClfTime,
  parseRfc3339,
  utcEpochMs,
  zoneClock,
} from "./log-time.js";

const utc = zoneClock("UTC")!;
const iso = (ms: number | null) => (ms === null ? null : isoFromEpochMs(ms));

describe("wall clocks", () => {
  it("refuses impossible dates and reads years before 100 as written", () => {
    const wall = { year: 2023, month: 2, day: 29, hour: 0, minute: 0, second: 0, millisecond: 0 };
    expect(utcEpochMs(wall)).toBeNull();
    expect(utcEpochMs({ ...wall, month: 13, day: 1 })).toBeNull();
    expect(utcEpochMs({ ...wall, day: 1, hour: 24 })).toBeNull();
    expect(iso(utcEpochMs({ ...wall, year: 99, day: 1 }))).toBe("0099-02-01T00:00:00.000Z");
  });

  it("converts zone wall clocks across daylight saving changes", () => {
    const london = zoneClock("Europe/London")!;
    const at = (month: number, day: number, hour: number) =>
      iso(london.toEpochMs({ year: 2024, month, day, hour, minute: 30, second: 0, millisecond: 0 }));
    expect(at(1, 15, 12)).toBe("2024-01-15T12:30:00.000Z");
    expect(at(7, 15, 12)).toBe("2024-07-15T11:30:00.000Z");
    expect(at(3, 31, 0)).toBe("2024-03-31T00:30:00.000Z");
    expect(at(10, 27, 2)).toBe("2024-10-27T02:30:00.000Z");
    expect(zoneClock("Not/AZone")).toBeNull();
  });

  it("infers the year of a year-less stamp", () => {
    const wall = { month: 12, day: 31, hour: 23, minute: 0, second: 0, millisecond: 0 };
    expect(iso(epochMsWithoutYear(wall, new Date("2024-01-02T00:00:00Z"), utc))).toBe(
      "2023-12-31T23:00:00.000Z",
    );
    expect(iso(epochMsWithoutYear(wall, new Date("2024-12-31T23:30:00Z"), utc))).toBe(
      "2024-12-31T23:00:00.000Z",
    );
    expect(epochMsWithoutYear(wall, new Date(Number.NaN), utc)).toBeNull();
  });
});

describe("stamps", () => {
  it("reads RFC 3339 with offsets and fractions", () => {
    expect(iso(parseRfc3339("2003-10-11T22:14:15.003Z"))).toBe("2003-10-11T22:14:15.003Z");
    expect(iso(parseRfc3339("2003-08-24T05:14:15.000003-07:00"))).toBe("2003-08-24T12:14:15.000Z");
    expect(iso(parseRfc3339("2024-03-05 14:02:11", utc))).toBe("2024-03-05T14:02:11.000Z");
    for (const bad of [
      "2003-10-11T22:14:15",
      "2003-10-11T22:14:15.Z",
      "2003-10-11T22:14:15+7",
      "2003-1-11T22:14:15Z",
    ]) {
      expect(parseRfc3339(bad)).toBeNull();
    }
  });

  it("reads the common log format stamp", () => {
    expect(iso(parseClfTime("05/Mar/2024:14:02:11 +0100"))).toBe("2024-03-05T13:02:11.000Z");
    expect(iso(parseClfTime("05/Mar/2024:14:02:11 -0930"))).toBe("2024-03-05T23:32:11.000Z");
    expect(parseClfTime("05/Mar/2024:14:02:11")).toBeNull();
    expect(parseClfTime("05/Mar/2024:14:02:11 0100")).toBeNull();
  });

  it("round-trips any instant through RFC 3339", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }), (ms) => {
        expect(parseRfc3339(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });

  it("refuses instants Date cannot hold", () => {
    expect(isoFromEpochMs(8.64e15 + 1)).toBeNull();
    expect(isoFromEpochMs(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
