// The strict view: one table-driven pass from UTF-16 text to folded symbols plus an offset map.
// Compatibility forms, case, diacritics, look-alikes, zero-width and bidi characters are folded;
// every separator run becomes one BOUNDARY symbol. Nothing is guessed (no leet, no collapsing).
// The same pass steps the strict view's main automaton over each symbol as it is written: a
// second pass reading the symbols back cost nearly as much as the fold itself.
import {
  type HitBuffer,
  type Transitions,
  createHitBuffer,
  growHits,
  runAutomaton,
} from "./automaton-scan.js";
import { copyCodeUnits } from "./code-units.js";
import { type FoldBuffer, ensureCapacity, markNonLatin, markSuspect } from "./fold-buffer.js";
import { Kind, LEET_CODE, MAX_EXPANSION, SKIP_CODE, foldAstral, getFoldTable } from "./fold-table.js";
import { BOUNDARY } from "./symbols.js";

/** An automaton the fold steps, with its classes packed into the fold's codes (`foldMatcher`). */
export type FoldMatcher = Transitions & { codes: Int32Array };

/**
 * The fold table's code for each code unit with the automaton's class of that symbol in the high
 * 16 bits; the codes of the slow paths (0 and below) are kept as they are. The loop then reads one
 * table where it read two: each typed array it holds costs it registers, and the loop measured
 * about a tenth faster.
 */
export function foldMatcher(automaton: Transitions): FoldMatcher {
  const code = getFoldTable().code;
  const codes = new Int32Array(code.length);
  for (let unit = 0; unit < code.length; unit++) {
    const value = code[unit]!;
    const symbolClass = value > 0 ? automaton.classOf[value]! : 0;
    if (symbolClass >= 0x8000) throw new Error("the fold packs automata of at most 32,767 symbol classes");
    codes[unit] = value > 0 ? (symbolClass << 16) | value : value;
  }
  return { delta: automaton.delta, classOf: automaton.classOf, codes };
}

let idle: FoldMatcher | undefined;
/** The automaton the fold steps when it has nothing to match: one state, never any output. */
function idleMatcher(): FoldMatcher {
  idle ??= foldMatcher({ delta: Int32Array.of(0), classOf: new Uint16Array(65536) });
  return idle;
}
const idleHits: HitBuffer = createHitBuffer(1);

/** How far a leet symbol looks ahead for the word character that makes it part of a word. */
const LEET_LOOKAHEAD = 8;

function isLeetInWord(text: string, from: number, kinds: Uint8Array): boolean {
  const end = Math.min(text.length, from + LEET_LOOKAHEAD);
  for (let i = from; i < end; i++) {
    const kind = kinds[text.charCodeAt(i)]!;
    if (kind === Kind.skip || kind === Kind.leet) continue;
    return kind !== Kind.boundary;
  }
  return false;
}

/** What a leet code unit folds to here: its own symbol inside a word, else a boundary. */
function leetValue(text: string, i: number, unit: number, atWordStart: boolean): number {
  const table = getFoldTable();
  const symbol = table.symbol[unit]!;
  // `$` and `@` also end a word ("nud3$"); a trailing `!` or `|` is punctuation.
  const endsWord = !atWordStart && (symbol === 0x24 || symbol === 0x40);
  return endsWord || isLeetInWord(text, i + 1, table.kind) ? symbol : BOUNDARY;
}

/** Slow path: a multi-symbol expansion or a surrogate at `i`; returns the new length. */
function foldSlow(text: string, i: number, to: number, unit: number, out: FoldBuffer, n: number): number {
  const table = getFoldTable();
  let folded = " ";
  if (table.kind[unit] === Kind.multi) folded = table.multi.get(unit) ?? " ";
  else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff)
      folded = foldAstral(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
  }
  out.length = n;
  ensureCapacity(out, n + MAX_EXPANSION + (to - i) + 2);
  let atBoundary = n > 0 && out.symbols[n - 1] === BOUNDARY;
  for (let k = 0; k < folded.length; k++) {
    const symbol = folded.charCodeAt(k);
    if (symbol === BOUNDARY) {
      if (atBoundary) continue;
      atBoundary = true;
    } else {
      atBoundary = false;
      if (symbol >= 0x80) markNonLatin(out, n);
    }
    out.symbols[n] = symbol;
    out.starts[n++] = i;
  }
  return n;
}

/** Width in code units of the surrogate pair at `i`, else 1. */
function widthAt(text: string, i: number, to: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff || i + 1 >= to) return 1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/**
 * Folds `text[from, to)` into `out` (strict view), running `matcher` over the symbols as they are
 * written and appending its hits to `hits` (as `runAutomaton` would, from the root state).
 * `padStart`/`padEnd` add a BOUNDARY at the ends, which is right at the real start/end of a text or
 * at a separator, and wrong inside a word. Also notes whether the aggressive view could differ in a
 * way that matters (digits beside letters, leet symbols, a letter three times in a row, single letters in a row),
 * so it can be skipped.
 */
export function foldStrict(
  text: string,
  from: number,
  to: number,
  padStart: boolean,
  padEnd: boolean,
  out: FoldBuffer,
  matcher: FoldMatcher = idleMatcher(),
  hits: HitBuffer = idleHits,
): void {
  // Few locals live across the loop, on purpose: with more, V8 spills them to the stack and the
  // loop slows by half. Whether the text is at a boundary, and whether the word that just ended
  // was a single symbol, follow from the last two symbols written.
  out.length = 0;
  out.hasNonLatin = false;
  out.nonLatinCount = 0;
  out.suspectCount = 0;
  ensureCapacity(out, to - from + 2);
  let symbols = out.symbols;
  let starts = out.starts;
  const { delta, codes } = matcher;
  let state = 0;
  let n = 0;
  // The last two symbols written (-1: none).
  let last = -1;
  let beforeLast = -1;
  let previousWordSingle = false;
  if (padStart) {
    symbols[0] = BOUNDARY;
    starts[0] = from;
    n = 1;
    last = BOUNDARY;
    state = runAutomaton(matcher, symbols, 0, 1, hits);
  }
  const units = copyCodeUnits(text, from, to, out.codeUnits);
  let hitData = hits.data;
  let hitAt = hits.count * 2;
  for (let i = from; i < to; i++) {
    const unit = units[i - from]!;
    // A symbol (BOUNDARY included) with its class above it; 0 and below are the slow paths.
    let packed = codes[unit]!;
    if (packed <= 0) {
      if (packed === SKIP_CODE) continue;
      if (packed === LEET_CODE) {
        const symbol = leetValue(text, i, unit, last === BOUNDARY || last === -1);
        if (symbol !== BOUNDARY) markSuspect(out, n);
        packed = (matcher.classOf[symbol]! << 16) | symbol;
      } else {
        markSuspect(out, n);
        const before = n;
        n = foldSlow(text, i, to, unit, out, n);
        symbols = out.symbols;
        starts = out.starts;
        last = n > 0 ? symbols[n - 1]! : -1;
        beforeLast = n > 1 ? symbols[n - 2]! : -1;
        hits.count = hitAt >> 1;
        state = runAutomaton(matcher, symbols, before, n, hits, state);
        hitData = hits.data;
        hitAt = hits.count * 2;
        i += widthAt(text, i, to) - 1;
        continue;
      }
    }
    const value = packed & 0xffff;
    if (value > BOUNDARY) {
      // Symbols above BOUNDARY and below 0x3a are digits and leet symbols; the rest are letters.
      const afterDigit = last < 0x3a && last > BOUNDARY;
      if (value < 0x3a) {
        // A digit may be a disguised letter only beside a letter ("k1ll", "gr8"), never inside a
        // number ("1961", which the aggressive view leaves alone): marked after a letter here,
        // and at a letter that follows it below.
        if (last >= 0x3a) markSuspect(out, n);
      } else if (afterDigit || value >= 0x80 || value === last) {
        // A letter of another script is no evidence by itself; a run of three may be.
        if (afterDigit || (value === last && value === beforeLast)) markSuspect(out, n);
        if (value >= 0x80) markNonLatin(out, n);
      }
    } else {
      // BOUNDARY.
      if (last === BOUNDARY) continue;
      // Two single-letter words in a row may be one word split up ("k y s").
      const single = last !== -1 && (beforeLast === BOUNDARY || beforeLast === -1);
      if (single && previousWordSingle) markSuspect(out, n);
      previousWordSingle = single;
    }
    symbols[n] = value;
    starts[n] = i;
    state = delta[state + (packed >>> 16)]!;
    if (state < 0) {
      state &= 0x7fffffff;
      if (hitAt === hitData.length) {
        hits.count = hitAt >> 1;
        hitData = growHits(hits);
      }
      hitData[hitAt++] = state;
      hitData[hitAt++] = n;
    }
    beforeLast = last;
    last = value;
    n++;
  }
  hits.count = hitAt >> 1;
  out.mayBeObfuscated = out.suspectCount > 0;
  // Not a reason to build the aggressive view, but when it is built, a split pair at the very end
  // ("k y") is joined there, so it must lie inside a folded segment (fold-aggressive-segments.ts).
  const endsSingle = last !== BOUNDARY && last !== -1 && (beforeLast === BOUNDARY || beforeLast === -1);
  if (endsSingle && previousWordSingle) markSuspect(out, n);
  if (padEnd && last !== BOUNDARY) {
    symbols[n] = BOUNDARY;
    starts[n++] = to;
    runAutomaton(matcher, symbols, n - 1, n, hits, state);
  }
  out.length = n;
}
