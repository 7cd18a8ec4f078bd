/**
 * The evidence kept with an alert: the text around the matches, bounded, never the whole text, so
 * an alert on one line of a long page does not copy the page into the alerts table.
 */

/** Longest evidence kept, in characters (a marker is added where the text was cut). */
export const evidenceMaxLength = 300;
const cutMarker = "…";

/** The window of `text` around `spans` (UTF-16 offsets, end exclusive), at most `max` long. */
export function evidenceWindow(
  text: string,
  spans: readonly { start: number; end: number }[],
  max = evidenceMaxLength,
): string {
  if (text.length <= max) return text;
  if (spans.length === 0) return text.slice(0, max) + cutMarker;
  const first = Math.min(...spans.map((span) => span.start));
  const last = Math.max(...spans.map((span) => span.end));
  // Matches that do not fit together: keep the first one, with its context.
  const end = last - first <= max ? last : Math.min(text.length, first + max);
  const spare = Math.max(0, max - (end - first));
  let start = Math.max(0, first - Math.floor(spare / 2));
  const stop = Math.min(text.length, start + max);
  start = Math.max(0, stop - max);
  return `${start > 0 ? cutMarker : ""}${safeSlice(text, start, stop)}${stop < text.length ? cutMarker : ""}`;
}

/** A slice that does not split a surrogate pair at either end. */
function safeSlice(text: string, start: number, end: number): string {
  const isLow = (index: number) => {
    const code = text.charCodeAt(index);
    return code >= 0xdc00 && code <= 0xdfff;
  };
  const from = start > 0 && isLow(start) ? start + 1 : start;
  const to = end < text.length && isLow(end) ? end - 1 : end;
  return text.slice(from, to);
}
