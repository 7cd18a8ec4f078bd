// Long texts are scanned in chunks so memory stays bounded whatever the input size. Chunks overlap,
// so a match that crosses a cut is found whole in the next chunk; cuts prefer separators so no word
// is split (a split word would gain a false boundary and fire whole-word rules).
import { Kind, getFoldTable } from "./fold-table.js";

/** Chunk size in UTF-16 code units. */
export const CHUNK_SIZE = 1 << 16;
/** Overlap between chunks: a match longer than this (in the original text) may be missed at a cut. */
export const CHUNK_OVERLAP = 2048;
/** How far a cut moves to land on a separator. */
const CUT_SEARCH = 256;

export type Chunk = { from: number; to: number; padStart: boolean; padEnd: boolean };

function isSeparator(text: string, at: number, kinds: Uint8Array): boolean {
  return kinds[text.charCodeAt(at)] === Kind.boundary;
}

function isHighSurrogate(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Splits `[0, text.length)` into overlapping chunks. */
export function planChunks(text: string, size = CHUNK_SIZE, overlap = CHUNK_OVERLAP): Chunk[] {
  const kinds = getFoldTable().kind;
  const length = text.length;
  const chunks: Chunk[] = [];
  let from = 0;
  for (;;) {
    let to = Math.min(length, from + size);
    if (to < length) {
      let cut = to;
      while (cut > to - CUT_SEARCH && cut > from + 1 && !isSeparator(text, cut, kinds)) cut--;
      to = isSeparator(text, cut, kinds) ? cut : to;
      if (isHighSurrogate(text, to - 1)) to--;
    }
    const padStart = from === 0 || isSeparator(text, from - 1, kinds);
    const padEnd = to === length || isSeparator(text, to, kinds);
    chunks.push({ from, to, padStart, padEnd });
    if (to >= length) return chunks;
    let next = Math.max(from + 1, to - overlap);
    const limit = Math.min(to, next + CUT_SEARCH);
    let probe = next;
    while (probe < limit && !isSeparator(text, probe - 1, kinds)) probe++;
    if (probe < limit) next = probe;
    if (isHighSurrogate(text, next - 1)) next++;
    from = next;
  }
}
