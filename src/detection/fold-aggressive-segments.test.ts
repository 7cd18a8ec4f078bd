import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFoldBuffer, type FoldBuffer } from "./fold-buffer.js";
import { foldAggressive } from "./fold-aggressive.js";
import { foldAggressiveSegments } from "./fold-aggressive-segments.js";
import { foldStrict } from "./fold-strict.js";

/** What a scan around evidence sees: each evidence's window of symbols and original offsets. */
function windows(buffer: FoldBuffer, reach: number): string[] {
  const seen: string[] = [];
  for (let e = 0; e < buffer.evidenceCount; e++) {
    const at = buffer.evidenceAt[e]!;
    const from = Math.max(0, at - reach + 1);
    const to = Math.min(buffer.length, at + reach);
    const symbols = String.fromCharCode(...buffer.symbols.subarray(from, to));
    seen.push(`${buffer.starts[at]}|${symbols}|${[...buffer.starts.subarray(from, to)].join(",")}`);
  }
  return seen;
}

function compare(text: string, reach: number): void {
  const strict = createFoldBuffer(16);
  const whole = createFoldBuffer(16);
  const segments = createFoldBuffer(16);
  foldStrict(text, 0, text.length, true, true, strict);
  foldAggressive(text, strict, whole);
  if (!foldAggressiveSegments(text, strict, segments, reach)) return;
  expect(windows(segments, reach)).toEqual(windows(whole, reach));
}

const filler = fc.constantFrom("hello", "world", "school", "class", "ok", "the", "2024", "$100", "\n");
const tricky = fc.constantFrom(
  "k i l l",
  "k.y.s",
  "sh1t",
  "$h!t",
  "a b",
  "sooooo",
  "h3ll0",
  "a",
  "i",
  "ß",
  "ａ",
  "1 2",
);

describe("aggressive fold around suspects", () => {
  it("sees the same windows around evidence as folding the whole text", () => {
    const text = fc
      .array(fc.oneof(filler, filler, filler, tricky), { maxLength: 400 })
      .map((w) => w.join(" "));
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 24 }), (sample, reach) => {
        compare(sample, reach);
      }),
      { numRuns: 300 },
    );
  });

  it("sees the same windows for random short strings", () => {
    const unit = fc.constantFrom("k", "i", "l", "1", "!", " ", ".", "s", "y", "o", "$", "3", "-", "ab", "  ");
    fc.assert(fc.property(fc.string({ unit, maxLength: 300 }), fc.integer({ min: 2, max: 16 }), compare), {
      numRuns: 300,
    });
  });

  it("folds nothing for ordinary text", () => {
    const strict = createFoldBuffer(16);
    const out = createFoldBuffer(16);
    const text = "An ordinary sentence with no digits, runs or split letters in it.";
    foldStrict(text, 0, text.length, true, true, strict);
    expect(foldAggressiveSegments(text, strict, out, 10)).toBe(true);
    expect(out.length).toBe(0);
  });
});
