import { describe, expect, it } from "vitest";
import { createFoldBuffer } from "./fold-buffer.js";
import { foldStrict } from "./fold-strict.js";
import { foldStrictText } from "./fold-text.js";

describe("strict fold", () => {
  it("folds case, diacritics and compatibility forms, padding both ends", () => {
    expect(foldStrictText("Héllo  WORLD!!")).toBe(" hello world ");
    expect(foldStrictText("ｆｕｌｌｗｉｄｔｈ")).toBe(" fullwidth ");
    expect(foldStrictText("ﬁne ⅰ ①")).toBe(" fine i 1 ");
    expect(foldStrictText("Straße")).toBe(" strasse ");
  });

  it("drops zero-width, bidi and soft-hyphen characters inside words", () => {
    expect(foldStrictText("ki\u200bl\u200dl y\u00adou\u202e")).toBe(" kill you ");
    expect(foldStrictText("e\u0301te\u0301")).toBe(" ete ");
  });

  it("folds Cyrillic and Greek look-alikes and astral mathematical letters", () => {
    expect(foldStrictText("ѕех")).toBe(" sex ");
    expect(foldStrictText("ΚΙΛΛ")).toBe(" kiλλ ");
    expect(foldStrictText("𝐤𝐢𝐥𝐥 𝓎ℴ𝓊")).toBe(" kill you ");
    expect(foldStrictText("🅺🅸🅻🅻")).toBe(" kill ");
  });

  it("keeps non-Latin scripts matchable and folds their spelling variants", () => {
    expect(foldStrictText("Łódź Ștefan ŵyr")).toBe(" lodz stefan wyr ");
    expect(foldStrictText("مُحَمَّد")).toBe(" محمد ");
    expect(foldStrictText("یہ")).toBe(foldStrictText("يہ"));
    expect(foldStrictText("ਮਰਨਾ ਚਾਹੁੰਦਾ")).toBe(" ਮਰਨਾ ਚਾਹੁੰਦਾ ");
  });

  it("keeps leet symbols distinct inside words and treats them as separators elsewhere", () => {
    expect(foldStrictText("$hit sh!t")).toBe(" $hit sh!t ");
    expect(foldStrictText("hello! costs $ 5")).toBe(" hello costs 5 ");
  });

  // Apostrophes separate words, so "macbeth's" still holds "macbeth" and "i'm" holds "i";
  // "dont" and "don't" are two spellings the library lists separately.
  it("splits words at apostrophes", () => {
    expect(foldStrictText("don't I’m macbeth's")).toBe(" don t i m macbeth s ");
  });

  it("maps every symbol back to the original UTF-16 offset", () => {
    const text = "A\u200b𝐛 c";
    const buffer = createFoldBuffer(4);
    foldStrict(text, 0, text.length, true, true, buffer);
    const symbols = String.fromCharCode(...buffer.symbols.subarray(0, buffer.length));
    expect(symbols).toBe(" ab c ");
    expect([...buffer.starts.subarray(0, buffer.length)]).toEqual([0, 0, 2, 4, 5, 6]);
  });

  it("turns lone surrogates and control characters into boundaries", () => {
    expect(foldStrictText("a\ud800b\udc00c\u0000d")).toBe(" a b c d ");
  });
});
