import { describe, expect, it } from "vitest";
import { createFoldBuffer } from "./fold-buffer.js";
import { foldAggressive } from "./fold-aggressive.js";
import { foldStrict } from "./fold-strict.js";
import { foldAggressiveText } from "./fold-text.js";

const IL = "\u0001";

function evidenceOf(text: string): string {
  const strict = createFoldBuffer(8);
  const aggressive = createFoldBuffer(8);
  foldStrict(text, 0, text.length, true, true, strict);
  foldAggressive(text, strict, aggressive);
  return [...aggressive.evidence.subarray(0, aggressive.length)].join("");
}

describe("aggressive fold", () => {
  it("turns leet digits and symbols into letters inside words", () => {
    expect(foldAggressiveText("h3ll0 $h!t")).toBe(` helo sh${IL}t `);
    expect(foldAggressiveText("k1ll")).toBe(` k${IL}l `);
  });

  it("leaves numbers that hold no letter alone", () => {
    expect(foldAggressiveText("in 2024 it cost $100")).toBe(" in 2024 it cost $100 ");
  });

  it("collapses stretched letters", () => {
    expect(foldAggressiveText("sooooo diiieeee")).toBe(" so die ");
  });

  it("joins letters split by spaces or punctuation", () => {
    expect(foldAggressiveText("k i l l you")).toBe(" kil you ");
    expect(foldAggressiveText("k.y.s")).toBe(" kys ");
    expect(foldAggressiveText("s-u-i-c-i-d-e")).toBe(" suicide ");
    expect(foldAggressiveText("i am a boy")).toBe(" i am a boy ");
  });

  it("marks evidence only where the text was changed by obfuscation", () => {
    expect(evidenceOf("well said")).not.toContain("1");
    expect(evidenceOf("as")).not.toContain("1");
    expect(evidenceOf("asss")).toContain("1");
    expect(evidenceOf("k y s")).toContain("1");
    expect(evidenceOf("d1e")).toContain("1");
  });
});
