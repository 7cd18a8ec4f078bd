// A large synthetic library for build-time and memory figures: pronounceable made-up words, one to
// three per phrase, as single-phrase rules spread over the categories. Built as `Rule` objects
// directly, so the figure is the automaton build alone (no YAML).
import { CATEGORIES, DEFAULT_PROFILES, type Library, type Rule } from "../../src/detection/index.js";
import { createRandom } from "../../src/platform/seeded-random.js";

const ONSETS =
  "b c d f g h j k l m n p r s t v w y z bl br ch cl cr dr fl fr gl gr pl pr sc sh sk sl sp st sw th tr".split(
    " ",
  );
const VOWELS = "a e i o u ai ea ee oo ou ie".split(" ");
const CODAS = ["", "", "n", "r", "s", "t", "l", "m", "ck", "ng", "st", "nd"];

function syllable(random: () => number): string {
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)]!;
  return pick(ONSETS) + pick(VOWELS) + pick(CODAS);
}

/** `count` distinct phrases from a seeded generator. */
export function syntheticPhrases(count: number, seed: number): string[] {
  const random = createRandom(seed);
  const phrases = new Set<string>();
  while (phrases.size < count) {
    const words = 1 + (random() < 0.3 ? 1 + Math.floor(random() * 2) : 0);
    const parts: string[] = [];
    for (let w = 0; w < words; w++) {
      let word = syllable(random);
      const extra = Math.floor(random() * 3);
      for (let s = 0; s < extra; s++) word += syllable(random);
      parts.push(word);
    }
    phrases.add(parts.join(" "));
  }
  return [...phrases];
}

/** A library of `count` single-phrase rules (the automaton build's input). */
export function syntheticLibrary(count: number, seed: number): Library {
  const rules: Rule[] = syntheticPhrases(count, seed).map((phrase, index) => ({
    id: `en.profanity.s${index}`,
    language: "en",
    category: CATEGORIES[index % CATEGORIES.length]!,
    terms: [{ source: phrase, words: phrase, openStart: false, openEnd: false }],
    within: 10,
    weight: 20 + (index % 80),
    severity: 1 + (index % 5),
    unless: [],
    ages: null,
    note: null,
    examples: { match: [], clear: [] },
    location: { file: "synthetic", line: index + 1 },
  }));
  return { rules, profiles: DEFAULT_PROFILES, version: `synthetic-${count}-${seed}` };
}
