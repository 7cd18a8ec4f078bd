import { describe, expect, it } from "vitest";
import { AGE_GROUPS, ageGroupOfYearGroup, isAgeGroup } from "./age-group.js";

describe("ageGroupOfYearGroup", () => {
  it.each([
    ["N1", "early-years"],
    ["Nursery", "early-years"],
    ["R", "early-years"],
    ["YR", "early-years"],
    ["Reception", "early-years"],
    ["FS2", "early-years"],
    ["1", "key-stage-1"],
    ["Year 2", "key-stage-1"],
    ["3", "key-stage-2"],
    ["Y4", "key-stage-2"],
    ["year 6", "key-stage-2"],
    ["7", "key-stage-3"],
    ["Year 7", "key-stage-3"],
    ["Y7", "key-stage-3"],
    ["Yr 8", "key-stage-3"],
    ["09", "key-stage-3"],
    ["Year-10", "key-stage-4"],
    ["11", "key-stage-4"],
    ["12", "sixth-form"],
    ["Year 13", "sixth-form"],
    ["L6", "sixth-form"],
    ["Upper Sixth", "sixth-form"],
  ] as const)("reads %j as %s", (yearGroup, expected) => {
    expect(ageGroupOfYearGroup(yearGroup)).toBe(expected);
  });

  it.each([null, undefined, "", "  ", "0", "14", "Year 20", "7T", "staff", "Y", "Year", "P1", "3A"])(
    "returns null for %j, which is not a year Vigil knows",
    (yearGroup) => {
      expect(ageGroupOfYearGroup(yearGroup)).toBeNull();
    },
  );

  it("names only the vocabulary", () => {
    expect(AGE_GROUPS).toHaveLength(6);
    expect(isAgeGroup("key-stage-3")).toBe(true);
    expect(isAgeGroup("ks3")).toBe(false);
  });
});
