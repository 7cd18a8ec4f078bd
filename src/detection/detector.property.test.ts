import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDetector } from "./library.builder.js";
import { CHUNK_SIZE } from "./plan-chunks.js";

const PHRASES = ["kill yourself", "suicide", "kys", "self harm", "nudes"];
const detector = buildDetector(
  "self-harm",
  PHRASES.map((phrase, i) => ({ id: `p${i}`, phrase })),
);
const fires = (text: string, phrase: string) =>
  detector.match(text).some((m) => m.rule === PHRASES.indexOf(phrase) && m.cancelledBy === null);

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc
    .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 })
    .map((units) => String.fromCharCode(...units)),
  fc.string({
    unit: fc.constantFrom("k", "i", "l", "1", "!", " ", ".", "\u200b", "s", "y", "o", "u"),
    maxLength: 100,
  }),
);

const LEET: Record<string, string> = { a: "4", e: "3", i: "1", o: "0", s: "$", t: "7" };
const HOMOGLYPH: Record<string, string> = {
  a: "а",
  e: "е",
  o: "о",
  c: "с",
  p: "р",
  x: "х",
  y: "у",
  i: "і",
  s: "ѕ",
};
const chars = (text: string) => Array.from(text);
const map = (text: string, table: Record<string, string>) =>
  chars(text)
    .map((ch) => table[ch] ?? ch)
    .join("");
const OBFUSCATIONS: Record<string, (phrase: string) => string> = {
  leet: (p) => map(p, LEET),
  stretched: (p) => p.replace(/[aeiou]/g, (v) => v.repeat(4)),
  split: (p) =>
    p
      .split(" ")
      .map((w) => chars(w).join(" "))
      .join("   "),
  dotted: (p) =>
    p
      .split(" ")
      .map((w) => chars(w).join("."))
      .join(" "),
  homoglyph: (p) => map(p, HOMOGLYPH),
  zeroWidth: (p) => chars(p).join("\u200b"),
  fullwidth: (p) =>
    chars(p)
      .map((ch) => (ch === " " ? ch : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)))
      .join(""),
  upper: (p) => p.toUpperCase(),
};

describe("detector properties", () => {
  it("never throws and reports spans inside the original text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = detector.scan(text);
        for (const match of result.matches) {
          expect(match.start).toBeGreaterThanOrEqual(0);
          expect(match.end).toBeLessThanOrEqual(text.length);
          expect(match.start).toBeLessThan(match.end);
          expect(match.text).toBe(text.slice(match.start, match.end));
        }
      }),
      { numRuns: 300 },
    );
  });

  // Context words are never single letters: "i k i l l" is ambiguous and joins into "ikill".
  it("still matches a phrase obfuscated in each supported way", () => {
    const words = fc.array(fc.constantFrom("hey", "me", "think", "you", "should", "go", "now", "2day"), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...PHRASES),
        fc.constantFrom(...Object.keys(OBFUSCATIONS)),
        words,
        words,
        (phrase, how, before, after) => {
          const text = [...before, OBFUSCATIONS[how]!(phrase), ...after].join(" ");
          expect(fires(text, phrase), `${how}: ${text}`).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("gives B the same result after scanning A as when scanned alone", () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const alone = buildDetector(
          "self-harm",
          PHRASES.map((phrase, i) => ({ id: `p${i}`, phrase })),
        ).scan(b);
        detector.scan(a);
        expect(detector.scan(b)).toEqual(alone);
      }),
      { numRuns: 50 },
    );
  });

  it("finds a phrase wherever it falls relative to a chunk cut", () => {
    const filler = "lorem ipsum dolor ".repeat(Math.ceil((CHUNK_SIZE + 4096) / 18));
    fc.assert(
      fc.property(fc.integer({ min: CHUNK_SIZE - 300, max: CHUNK_SIZE + 50 }), (at) => {
        const text = `${filler.slice(0, at)} kill yourself ${filler.slice(at)}`;
        const found = detector.scan(text).matches.filter((m) => m.ruleId === "en.self-harm.p0");
        expect(found.map((m) => m.start)).toEqual([at + 1]);
      }),
      { numRuns: 20 },
    );
  });

  it("stays linear on a megabyte-long word and a megabyte of leet symbols", () => {
    for (const text of [
      "k".repeat(1 << 20),
      "!".repeat(1 << 20),
      "k i ".repeat(1 << 18),
      "\ud800".repeat(1 << 19),
    ]) {
      const started = performance.now();
      detector.scan(text);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });
});
