import fc from "fast-check";
import { expect, it } from "vitest";
import { createFoldBuffer, ensureCapacity } from "./fold-buffer.js";
import { BOUNDARY } from "./symbols.js";
import { createWordIndex } from "./word-index.js";

it("numbers each symbol's word by the boundaries before it, at any length and after the buffer grows", () => {
  const buffer = createFoldBuffer(4);
  const words = createWordIndex(buffer);
  const symbol = fc.constantFrom(BOUNDARY, 0x61, 0x62, 0x3b1);
  fc.assert(
    fc.property(fc.array(symbol, { maxLength: 300 }), (list) => {
      // Odd and even lengths, in a buffer that grows as the texts get longer.
      ensureCapacity(buffer, list.length);
      buffer.symbols.set(list);
      buffer.length = list.length;
      // Each symbol starts at its own offset, two code units apart.
      list.forEach((_, i) => (buffer.starts[i] = i * 2));
      words.reset();
      let before = 0;
      list.forEach((value, i) => {
        expect(words.wordOfSymbol(i)).toBe(before);
        expect(words.wordAt(i * 2 + 1)).toBe(before);
        if (value === BOUNDARY) before++;
      });
    }),
    { numRuns: 300 },
  );
});
