import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AmbiguousSymbol } from "./ambiguous-states.js";
import { buildAutomaton } from "./automaton.js";
import { createHitBuffer, forEachPattern, runAutomaton } from "./automaton-scan.js";

// "1" plays the ambiguous symbol; "i" and "l" its letters.
const AMBIGUOUS: AmbiguousSymbol = { symbol: 0x31, letters: [0x69, 0x6c], maxPositions: 4 };
const toSymbols = (text: string) => Uint16Array.from(text, (ch) => ch.charCodeAt(0));

/** The reference: every variant of a pattern compiled as a pattern of its own. */
function variants(pattern: string): string[] {
  const positions: number[] = [];
  for (let i = 0; i < pattern.length && positions.length < AMBIGUOUS.maxPositions; i++) {
    if (pattern[i] === "i" || pattern[i] === "l") positions.push(i);
  }
  const found = new Set<string>();
  for (let mask = 0; mask < 1 << positions.length; mask++) {
    const chars = pattern.split("");
    positions.forEach((position, bit) => {
      if (mask & (1 << bit)) chars[position] = "1";
    });
    found.add(chars.filter((ch, i) => !(ch === "1" && chars[i - 1] === "1")).join(""));
  }
  return [...found];
}

/** Hits in report order, as pattern:length@end. */
function hitsOf(
  automaton: ReturnType<typeof buildAutomaton>,
  text: string,
  describe: (id: number) => string,
): string[] {
  const hits = createHitBuffer(1);
  runAutomaton(automaton, toSymbols(text), 0, text.length, hits);
  const found: string[] = [];
  for (let h = 0; h < hits.count; h++) {
    const end = hits.data[h * 2 + 1]!;
    forEachPattern(automaton, hits.data[h * 2]!, (id) => found.push(`${describe(id)}@${end}`));
  }
  return found;
}

function byVariants(patterns: string[], text: string): string[] {
  const expanded = patterns.flatMap((pattern, id) => variants(pattern).map((v) => ({ id, v })));
  const automaton = buildAutomaton(expanded.map((e) => toSymbols(e.v)));
  return hitsOf(automaton, text, (k) => `${expanded[k]!.id}:${expanded[k]!.v.length}`);
}

function byTransition(patterns: string[], text: string): string[] {
  const automaton = buildAutomaton(patterns.map(toSymbols), AMBIGUOUS);
  const base = patterns.length;
  return hitsOf(automaton, text, (id) => {
    if (id < base) return `${id}:${patterns[id]!.length}`;
    const k = id - base;
    const pattern = automaton.copyOf[k]!;
    return `${pattern}:${patterns[pattern]!.length - automaton.copyShrink[k]!}`;
  });
}

/** Folded text and patterns never repeat a symbol, and so never hold "11". */
const noRepeats = (s: string) => s.replace(/(.)\1+/g, "$1");

describe("ambiguous symbol by transition", () => {
  it("matches a run of i/l positions with one symbol, and only the first four", () => {
    expect(byTransition(["kil", "lili1ix"], "k1 li1i1x k1l")).toEqual(
      byVariants(["kil", "lili1ix"], "k1 li1i1x k1l"),
    );
    expect(byTransition(["kil"], "k1")).toEqual(["0:2@1"]);
  });

  it("reports exactly what compiled variants report, in the same order", () => {
    const unit = fc.constantFrom("a", "i", "l", "1", " ", "b");
    const word = fc.string({ unit, minLength: 1, maxLength: 9 }).map(noRepeats);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 10 }),
        fc.string({ unit, maxLength: 80 }).map(noRepeats),
        (patterns, text) => {
          expect(byTransition(patterns, text)).toEqual(byVariants(patterns, text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
