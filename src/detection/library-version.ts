// A content hash of the compiled library, reported with every result so a decision can be traced
// to the exact rules that made it. Pure JS (no crypto module) so it runs in the browser extension.
import type { ProfileSet, Rule } from "./rule.js";

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Hash of everything that affects matching and scoring (not notes, examples or line numbers). */
export function computeLibraryVersion(rules: readonly Rule[], profiles: ProfileSet): string {
  const canonical = JSON.stringify({
    rules: [...rules]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((rule) => [
        rule.id,
        rule.terms.map((term) => term.source),
        rule.within,
        rule.weight,
        rule.severity,
        rule.unless.map((term) => term.source),
        rule.ages,
      ]),
    profiles,
  });
  const high = fnv1a(canonical, 0x811c9dc5).toString(16).padStart(8, "0");
  const low = fnv1a(canonical, 0x01234567).toString(16).padStart(8, "0");
  return `lib-${high}${low}`;
}
