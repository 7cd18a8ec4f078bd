import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildAutomaton } from "./automaton.js";
import { createHitBuffer, forEachPattern, runAutomaton } from "./automaton-scan.js";

const toSymbols = (text: string) => Uint16Array.from(text, (ch) => ch.charCodeAt(0));

function automatonMatches(patterns: string[], text: string): string[] {
  const automaton = buildAutomaton(patterns.map(toSymbols));
  const hits = createHitBuffer(1);
  runAutomaton(automaton, toSymbols(text), 0, text.length, hits);
  const found: string[] = [];
  for (let h = 0; h < hits.count; h++) {
    const end = hits.data[h * 2 + 1]!;
    forEachPattern(automaton, hits.data[h * 2]!, (id) => found.push(`${id}@${end}`));
  }
  return found.sort();
}

function bruteForce(patterns: string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((pattern, id) => {
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
      found.push(`${id}@${at + pattern.length - 1}`);
    }
  });
  return found.sort();
}

describe("Aho-Corasick DFA", () => {
  it("reports overlapping and nested patterns", () => {
    expect(automatonMatches(["he", "she", "his", "hers"], "ushers")).toEqual(["0@3", "1@3", "3@5"]);
  });

  it("finds exactly what a brute-force search finds", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", " "), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom("a", "b", "c", " ", "d"), maxLength: 60 }),
        (patterns, text) => {
          expect(automatonMatches(patterns, text)).toEqual(bruteForce(patterns, text));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("marks output in the sign bit of premultiplied transitions", () => {
    const automaton = buildAutomaton([toSymbols("ab")]);
    const negative = [...automaton.delta].filter((value) => value < 0);
    expect(negative.length).toBeGreaterThan(0);
    for (const value of automaton.delta) expect((value & 0x7fffffff) % automaton.classCount).toBe(0);
  });
});
