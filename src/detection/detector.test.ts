import { describe, expect, it } from "vitest";
import { buildDetector, buildLibrary, buildPhraseFile } from "./library.builder.js";
import { createDetector } from "./detector.js";
import { AGGRESSIVE_DISCOUNT } from "./score.js";

const ruleIds = (result: { matches: { ruleId: string; cancelledBy: string | null }[] }) =>
  result.matches.filter((m) => m.cancelledBy === null).map((m) => m.ruleId);

describe("detector: words and boundaries", () => {
  const detector = buildDetector("profanity", [
    { id: "ass", phrase: "ass", weight: 40 },
    { id: "cunt", phrase: "cunt", weight: 60 },
  ]);

  it("matches whole words only (Scunthorpe, class, assassin)", () => {
    for (const text of ["Scunthorpe United", "a class act", "the assassin's creed", "passage"]) {
      expect(detector.scan(text).matches).toEqual([]);
    }
    expect(ruleIds(detector.scan("what an ass."))).toEqual(["en.profanity.ass"]);
  });

  it("explains each match with original offsets, text, view and library version", () => {
    const text = "You  ÀSS!";
    const result = detector.scan(text);
    expect(result.libraryVersion).toMatch(/^lib-[0-9a-f]{16}$/);
    expect(result.matches).toEqual([
      expect.objectContaining({
        ruleId: "en.profanity.ass",
        start: 5,
        end: 8,
        text: "ÀSS",
        view: "strict",
        weight: 40,
        counted: true,
      }),
    ]);
  });
});

describe("detector: rule forms", () => {
  it("cancels a hit inside an `unless` phrase and still reports it", () => {
    const detector = buildDetector("violence", [
      { id: "kill", phrase: "kill", weight: 60, unless: ["kill the process"] },
    ]);
    const result = detector.scan("just kill the process and restart");
    expect(result.matches).toEqual([
      expect.objectContaining({ ruleId: "en.violence.kill", cancelledBy: "kill the process", weight: 0 }),
    ]);
    expect(result.categories[0]?.score).toBe(0);
    expect(ruleIds(detector.scan("i will kill him"))).toEqual(["en.violence.kill"]);
  });

  it("expands prefix and suffix wildcards to the rest of the word only", () => {
    const detector = buildDetector("hate", [
      { id: "suicid", phrase: "suicid*", weight: 50 },
      { id: "phobe", phrase: "*phobe", weight: 50 },
    ]);
    const result = detector.scan("feeling suicidal, said the homophobe");
    expect(result.matches.map((m) => m.text)).toEqual(["suicidal", "homophobe"]);
    expect(detector.scan("suic idal pho be").matches).toEqual([]);
  });

  it("fires co-occurrence only when every term lies within the window", () => {
    const detector = buildDetector("self-harm", [{ id: "want-die", all: ["want", "die"], within: 3 }]);
    expect(ruleIds(detector.scan("I just want to die"))).toEqual(["en.self-harm.want-die"]);
    expect(ruleIds(detector.scan("die, said the man who did not want to"))).toEqual([]);
    expect(ruleIds(detector.scan("die, i so want to"))).toEqual(["en.self-harm.want-die"]);
  });

  it("applies the same window in a long text, where the window is checked before hits are resolved", () => {
    const detector = buildDetector("self-harm", [{ id: "want-die", all: ["want", "die"], within: 3 }]);
    // Well past the length (2,048 symbols) from which co-occurrence rules are checked for a window
    // first, with both terms common in the text but apart, and then once together.
    const filler = "we want the bus. ".repeat(80) + "the plants die in winter. ".repeat(80);
    expect(ruleIds(detector.scan(filler))).toEqual([]);
    const result = detector.scan(`${filler}I just want to die. ${filler}`);
    expect(ruleIds(result)).toEqual(["en.self-harm.want-die"]);
    expect(result.matches[0]?.start).toBe(filler.length + "I just ".length);
  });

  it("lets a negative-weight context entry lower the category score", () => {
    const detector = buildDetector("self-harm", [
      { id: "suicide", phrase: "suicide", weight: 100 },
      { id: "prevention", phrase: "suicide prevention", weight: -60 },
    ]);
    expect(detector.scan("suicide").categories[0]).toMatchObject({ score: 100, flagged: true, severity: 3 });
    expect(detector.scan("suicide prevention week").categories[0]).toMatchObject({
      score: 40,
      flagged: false,
    });
  });
});

describe("detector: scoring and profiles", () => {
  const library = buildLibrary(
    buildPhraseFile("bullying", [
      { id: "loser", phrase: "loser", weight: 70, severity: 2 },
      { id: "nobody-likes-you", phrase: "nobody likes you", weight: 60, severity: 3, ages: ["primary"] },
    ]),
  );
  const detector = createDetector(library);

  it("flags by the profile's threshold (secondary by default, primary sooner)", () => {
    expect(detector.scan("loser").profile).toBe("secondary");
    expect(detector.scan("loser")).toMatchObject({ flagged: false, severity: 0 });
    expect(detector.scan("loser", { profile: "primary" })).toMatchObject({ flagged: true, severity: 2 });
  });

  it("counts each rule once per text and sums different rules", () => {
    const result = detector.scan("loser loser loser, nobody likes you", { profile: "primary" });
    expect(result.categories[0]).toMatchObject({ score: 130, severity: 3, threshold: 65 });
    expect(result.matches.filter((m) => m.counted)).toHaveLength(2);
  });

  it("applies `ages` so an entry only scores for its bands", () => {
    expect(ruleIds(detector.scan("nobody likes you", { profile: "staff" }))).toEqual([]);
    expect(ruleIds(detector.scan("nobody likes you", { profile: "primary" }))).toEqual([
      "en.bullying.nobody-likes-you",
    ]);
  });

  it("discounts hits found only in the aggressive view", () => {
    const result = detector.scan("l0000ser");
    expect(result.matches[0]).toMatchObject({
      view: "aggressive",
      weight: Math.round(70 * AGGRESSIVE_DISCOUNT),
    });
  });

  it("refuses an unknown profile", () => {
    expect(() => detector.scan("x", { profile: "toddler" })).toThrow(/unknown profile/);
  });
});

describe("detector: non-Latin scripts", () => {
  it("matches Arabic-script, Gurmukhi and Polish entries", () => {
    const urdu = buildDetector("self-harm", [{ id: "marna", phrase: "مرنا چاہتا" }], "ur");
    expect(ruleIds(urdu.scan("میں مرنا چاہتا ہوں"))).toEqual(["ur.self-harm.marna"]);
    const punjabi = buildDetector("self-harm", [{ id: "marna", phrase: "ਮਰਨਾ ਚਾਹੁੰਦਾ" }], "pa");
    expect(ruleIds(punjabi.scan("ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ"))).toEqual(["pa.self-harm.marna"]);
    const polish = buildDetector("profanity", [{ id: "zjeb", phrase: "zjeb" }], "pl");
    expect(ruleIds(polish.scan("Ty ZJEBIE"))).toEqual([]);
    expect(ruleIds(polish.scan("zjeb!"))).toEqual(["pl.profanity.zjeb"]);
  });

  it("finds a phrase of another script, Latin words and all, far into long English text", () => {
    // The other scripts' automaton runs only around their symbols: a phrase must be found whole
    // however much English surrounds it, even across a chunk's overlap.
    const mixed = buildDetector("self-harm", [{ id: "kys", phrase: "kys مرنا" }], "ur");
    const english = "the quick brown fox jumps over the lazy dog. ".repeat(3000);
    for (const at of [0, 1_000, english.length - 10, 65_500]) {
      const text = `${english.slice(0, at)} kys مرنا ${english.slice(at)}`;
      expect(ruleIds(mixed.scan(text))).toEqual(["ur.self-harm.kys"]);
    }
    expect(ruleIds(mixed.scan(`${english} kys ${english} مرنا`))).toEqual([]);
  });
});
