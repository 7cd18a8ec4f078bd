// Deterministic test text: a seeded generator of English-like prose with library phrases mixed in,
// some plainly, some obfuscated (leet, split letters, stretched letters), plus non-Latin sentences
// and URLs. The seed is printed with the results, so a run can be repeated exactly.
import { createRandom } from "../../src/platform/seeded-random.js";

const COMMON = (
  "the of and to a in is you that it he was for on are as with his they i at be this have from or one had " +
  "by word but not what all were we when your can said there use an each which she do how their if will up " +
  "other about out many then them these so some her would make like him into time has look two more write go " +
  "see number no way could people my than first water been call who oil its now find long down day did get " +
  "come made may part school friend home game phone class teacher lesson break lunch music video chat"
).split(" ");

const SYLLABLES = (
  "ba be bi bo bu ca ce ci co da de di do en er es in on or an al ar ter ing ment tion sta pro con per " +
  "ra re ri ro la le li lo ma me mi mo na ne ni no pa pe pi po sa se si so ta te ti to va ve vi wa we"
).split(" ");

const NON_LATIN = [
  "Привет как дела у тебя сегодня",
  "مرحبا كيف حالك اليوم في المدرسة",
  "Καλημέρα τι κάνεις σήμερα φίλε",
  "今日はとても良い天気ですね",
  "ਸਤ ਸ੍ਰੀ ਅਕਾਲ ਤੁਸੀਂ ਕਿਵੇਂ ਹੋ",
  "Dzień dobry jak się masz dzisiaj",
];

const LEET: Record<string, string> = { a: "4", e: "3", i: "1", o: "0", s: "$", t: "7" };

function pseudoWord(random: () => number): string {
  const count = 1 + Math.floor(random() * 3);
  let word = "";
  for (let i = 0; i < count; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
  return word;
}

/** Samples ranks 0..size-1 with a Zipf(s) distribution (rank 0 most frequent). */
function zipfSampler(size: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / Math.pow(rank + 1, s);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** One obfuscated spelling of `phrase`: leet, split letters or stretched letters. */
export function obfuscate(phrase: string, random: () => number): string {
  const kind = Math.floor(random() * 3);
  if (kind === 0) return phrase.replace(/[aeiost]/g, (ch) => (random() < 0.5 ? LEET[ch]! : ch));
  if (kind === 1) return phrase.split("").join(random() < 0.5 ? " " : ".");
  return phrase.replace(/[aeiou]/, (ch) => ch.repeat(3 + Math.floor(random() * 4)));
}

export type MixedTextOptions = {
  /** Characters to produce. */
  size: number;
  seed: number;
  /** Library phrases to mix in. */
  phrases: readonly string[];
};

/**
 * English-like sentences from a Zipf vocabulary; about one sentence in 40 carries a library phrase
 * (a third of them obfuscated), one in 50 is non-Latin and one in 50 holds a URL.
 */
export function generateMixedText({ size, seed, phrases }: MixedTextOptions): string {
  const random = createRandom(seed);
  const vocabulary = [...COMMON];
  while (vocabulary.length < 5000) vocabulary.push(pseudoWord(random));
  const nextWord = zipfSampler(vocabulary.length, 1.07, random);
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const roll = random();
    let sentence: string;
    if (roll < 0.02) sentence = NON_LATIN[Math.floor(random() * NON_LATIN.length)]! + ".";
    else {
      const words: string[] = [];
      const count = 5 + Math.floor(random() * 16);
      for (let i = 0; i < count; i++) words.push(vocabulary[nextWord()]!);
      if (roll < 0.045 && phrases.length > 0) {
        const phrase = phrases[Math.floor(random() * phrases.length)]!;
        words.splice(Math.floor(random() * count), 0, random() < 0.33 ? obfuscate(phrase, random) : phrase);
      } else if (roll < 0.065) {
        words.push(
          `https://www.${vocabulary[nextWord()]!}-${pseudoWord(random)}.com/${pseudoWord(random)}?id=${Math.floor(random() * 1e4)}`,
        );
      }
      const first = words[0]!;
      words[0] = first.charAt(0).toUpperCase() + first.slice(1);
      sentence = words.join(random() < 0.1 ? ", " : " ") + (random() < 0.9 ? "." : "?");
    }
    parts.push(sentence);
    length += sentence.length + 1;
  }
  return parts.join(" ").slice(0, size);
}
