import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AmbiguousSymbol } from "./ambiguous-states.js";
import { buildAutomaton } from "./automaton.js";
import { forEachPattern } from "./automaton-scan.js";
import type { PatternInfo } from "./compile-patterns.js";
import { flattenOutputs } from "./state-outputs.js";

const AMBIGUOUS: AmbiguousSymbol = { symbol: 0x31, letters: [0x69, 0x6c], maxPositions: 4 };
const toSymbols = (text: string) => Uint16Array.from(text, (ch) => ch.charCodeAt(0));

/** Pattern k belongs to rule k / 3, as term k % 3 (an exception when that is 2). */
function infoOf(id: number, length: number): PatternInfo {
  const term = id % 3 === 2 ? -1 : id % 3;
  return { rule: Math.floor(id / 3), term, length, openStart: false, openEnd: false };
}

describe("flattened state outputs", () => {
  it("list, for every state, the patterns its output chain reports, in chain order", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "i", "l", "1", " "), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.boolean(), (words, ambiguous) => {
        const automaton = buildAutomaton(words.map(toSymbols), ambiguous ? AMBIGUOUS : undefined);
        // Copies made for the ambiguous symbol's states report their original pattern's info.
        const infos = words.map((text, id) => infoOf(id, text.length));
        automaton.copyOf.forEach((id) => infos.push(infos[id]!));
        const outputs = flattenOutputs(automaton, infos);
        for (let state = 0; state < automaton.stateCount; state++) {
          const chain: number[] = [];
          forEachPattern(automaton, state * automaton.classCount, (id) => chain.push(id));
          const from = outputs.at[state]!;
          const to = outputs.at[state + 1]!;
          expect([...outputs.pattern.subarray(from, to)]).toEqual(chain);
          expect([...outputs.rule.subarray(from, to)]).toEqual(chain.map((id) => infos[id]!.rule));
          const bits = chain.map((id) => (infos[id]!.term < 0 ? 0 : 1 << infos[id]!.term));
          expect([...outputs.termBit.subarray(from, to)]).toEqual(bits);
        }
      }),
      { numRuns: 300 },
    );
  });
});
