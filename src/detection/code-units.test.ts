import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CodeUnitCopy, copyCodeUnits, createCodeUnitBuffer, hostCodeUnitCopy } from "./code-units.js";

const charCodes = (text: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => text.charCodeAt(from + k));

it("copies with Node's Buffer where there is one, as in these tests", () => {
  expect(hostCodeUnitCopy).toBe("utf16-write");
});

// Both ways are checked here: the UTF-8 one is what a browser runs.
describe.each<CodeUnitCopy>(["utf16-write", "utf8-encode"])("copyCodeUnits, %s", (copy) => {
  it("gives the same code units as charCodeAt for any string and range, lone surrogates included", () => {
    const buffer = createCodeUnitBuffer(4, copy);
    const anyUnits = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 })
      .map((units) => String.fromCharCode(...units));
    const anyText = fc.oneof(anyUnits, fc.string({ unit: "binary", maxLength: 300 }), fc.string());
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const from = text.length === 0 ? 0 : a % (text.length + 1);
        const to = from + (text.length === 0 ? 0 : b % (text.length - from + 1));
        const units = copyCodeUnits(text, from, to, buffer);
        expect(Array.from(units.subarray(0, to - from))).toEqual(charCodes(text, from, to));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps a real U+FFFD and a surrogate pair cut in half at the end of a range", () => {
    const buffer = createCodeUnitBuffer(1, copy);
    const text = "a\ufffdb\ud83d\ude00c\ud800";
    expect(Array.from(copyCodeUnits(text, 0, text.length, buffer).subarray(0, text.length))).toEqual(
      charCodes(text, 0, text.length),
    );
    expect(Array.from(copyCodeUnits(text, 2, 4, buffer).subarray(0, 2))).toEqual([0x62, 0xd83d]);
  });
});
