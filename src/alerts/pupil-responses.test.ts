import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../detection/index.js";
import { categoriesWithoutResponse, pupilResponses, responseFor } from "./pupil-responses.js";

describe("pupil responses", () => {
  it("has exactly one message for every category of concern, and none for the rest", () => {
    const covered = pupilResponses.map((response) => response.category);
    expect(new Set(covered).size).toBe(covered.length);
    const expected = CATEGORIES.filter((category) => !categoriesWithoutResponse.includes(category));
    expect([...covered].sort()).toEqual([...expected].sort());
  });

  it("keeps each message short and gives at least one helpline", () => {
    for (const response of pupilResponses) {
      expect(response.message.length, response.category).toBeLessThanOrEqual(200);
      expect(response.helplines.length, response.category).toBeGreaterThan(0);
    }
  });

  it("points self-harm to Childline and Samaritans with their real numbers", () => {
    const contacts = responseFor(["self-harm"])
      ?.helplines.map((line) => line.contact)
      .join(" ");
    expect(contacts).toContain("0800 1111");
    expect(contacts).toContain("116 123");
    expect(responseFor(["proxy-hacking"])).toBeNull();
  });
});
