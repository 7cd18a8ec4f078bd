import { describe, expect, it } from "vitest";
import { buildLibrary, buildPhraseFile } from "../library.builder.js";
import { createDetector } from "../detector.js";
import { noOverrides } from "./school-overrides.js";
import { withSchoolOverrides } from "./with-school-overrides.js";

const base = createDetector(
  buildLibrary(
    buildPhraseFile("violence", [
      { id: "shoot-up", phrase: "shoot up the school", weight: 150, severity: 5 },
      { id: "assassin", phrase: "assassin*", weight: 100, severity: 3 },
    ]),
  ),
);

describe("school overrides on top of the shipped library", () => {
  it("changes nothing when the school has none", () => {
    const text = "he said he will shoot up the school";
    expect(withSchoolOverrides(base, noOverrides).scan(text)).toEqual(base.scan(text));
  });

  it("adds the school's own terms, explained as the school's rule", () => {
    const school = withSchoolOverrides(base, {
      ...noOverrides,
      localTerms: [
        { id: "bus-gang", phrase: "bus stop crew", category: "violence", weight: 120, severity: 4 },
      ],
    });
    const result = school.scan("meet the bus stop crew after school");
    expect(result.flagged).toBe(true);
    expect(result.matches).toEqual([
      expect.objectContaining({ ruleId: "school.violence.bus-gang", text: "bus stop crew", weight: 120 }),
    ]);
  });

  it("cancels matches inside an allowed term, saying so", () => {
    const school = withSchoolOverrides(base, {
      ...noOverrides,
      allowedTerms: [{ id: "club", phrase: "assassins chess club" }],
    });
    const result = school.scan("The Assassins Chess Club meets on Friday");
    expect(result.flagged).toBe(false);
    expect(result.matches[0]).toMatchObject({
      cancelledBy: 'allowed by the school: "assassins chess club"',
      weight: 0,
    });
    expect(school.scan("the assassins are coming").flagged).toBe(true);
  });

  it("suppresses a rule only where the suppression applies", () => {
    const school = withSchoolOverrides(base, {
      ...noOverrides,
      suppressions: [{ id: "s1", ruleId: "en.violence.assassin", site: "ubisoft.com", user: null }],
    });
    const onSite = school.scan("assassins creed tips", { site: "https://store.ubisoft.com/game" });
    expect(onSite.flagged).toBe(false);
    expect(onSite.matches[0]?.cancelledBy).toBe("suppressed by the school (on ubisoft.com)");
    expect(school.scan("assassins creed tips", { site: "https://notubisoft.com" }).flagged).toBe(true);
    expect(school.scan("assassins creed tips").flagged).toBe(true);
  });

  it("limits a user suppression to that user", () => {
    const school = withSchoolOverrides(base, {
      ...noOverrides,
      suppressions: [{ id: "s2", ruleId: "en.violence.assassin", site: null, user: "jsmith" }],
    });
    expect(school.scan("assassin", { user: "jsmith" }).flagged).toBe(false);
    expect(school.scan("assassin", { user: "akhan" }).flagged).toBe(true);
  });
});
