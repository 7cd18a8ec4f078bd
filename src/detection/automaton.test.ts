import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Automaton, buildAutomaton } from "./automaton.js";
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

/**
 * The textbook construction, slow and plain: a trie as a table filled in pattern order, then a
 * breadth-first queue that numbers the states and completes each row from the failure state's.
 */
function referenceTables(patterns: Uint16Array[], automaton: Automaton) {
  const { classOf, classCount: C } = automaton;
  const trie: number[][] = [new Array<number>(C).fill(0)];
  const ends: number[][] = [[]];
  patterns.forEach((pattern, id) => {
    let node = 0;
    for (const symbol of pattern) {
      const c = classOf[symbol]!;
      if (trie[node]![c] === 0) {
        trie[node]![c] = trie.length;
        trie.push(new Array<number>(C).fill(0));
        ends.push([]);
      }
      node = trie[node]![c]!;
    }
    ends[node]!.unshift(id);
  });
  const delta: number[] = [];
  const outFirst: number[] = [];
  const outNext = new Array<number>(patterns.length).fill(-1);
  const dictLink: number[] = [];
  const queue = [{ node: 0, fail: 0 }];
  for (let state = 0; state < queue.length; state++) {
    const { node, fail } = queue[state]!;
    const found = ends[node]!;
    outFirst.push(found[0] ?? -1);
    found.forEach((id, k) => (outNext[id] = found[k + 1] ?? -1));
    dictLink.push(state === 0 || fail === 0 ? -1 : outFirst[fail] !== -1 ? fail : dictLink[fail]!);
    for (let c = 0; c < C; c++) {
      const viaFailure = state === 0 ? 0 : delta[fail * C + c]!;
      const child = trie[node]![c]!;
      if (child === 0) {
        delta.push(viaFailure);
        continue;
      }
      const id = queue.length;
      queue.push({ node: child, fail: (viaFailure & 0x7fffffff) / C });
      const marked = ends[child]!.length > 0 || viaFailure < 0;
      delta.push(marked ? (id * C) | 0x80000000 | 0 : id * C);
    }
  }
  return { delta, outFirst, outNext, dictLink };
}

describe("Aho-Corasick DFA", () => {
  it("numbers and fills its tables exactly as the textbook construction does", () => {
    const symbols = (maxLength: number) =>
      fc.array(fc.constantFrom(0x61, 0x62, 0x20), { minLength: 1, maxLength });
    // Long patterns with a common stem too: past their first ~20 symbols, the trie's sort compares
    // patterns one by one.
    const stem = toSymbols("abab ba bbaab abba b ab");
    const pattern = fc.oneof(
      symbols(6).map((list) => Uint16Array.from(list)),
      fc
        .tuple(fc.integer({ min: 0, max: stem.length }), symbols(4))
        .map(([length, tail]) => Uint16Array.from([...stem.subarray(0, length), ...tail])),
    );
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 20 }), (patterns) => {
        const automaton = buildAutomaton(patterns);
        const reference = referenceTables(patterns, automaton);
        expect(automaton.stateCount).toBe(reference.outFirst.length);
        expect([...automaton.delta]).toEqual(reference.delta);
        expect([...automaton.outFirst]).toEqual(reference.outFirst);
        expect([...automaton.outNext]).toEqual(reference.outNext);
        expect([...automaton.dictLink]).toEqual(reference.dictLink);
      }),
      { numRuns: 300 },
    );
  });

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
