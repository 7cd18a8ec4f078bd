/** A scan result in words, for a person at a terminal: what was flagged, why, and by which rule. */
import type { ScanResult } from "../detection/index.js";

/** Renders the decision, each category's score against its threshold, and every match. */
export function describeScan(result: ScanResult): string {
  const lines: string[] = [];
  lines.push(
    result.flagged
      ? `FLAGGED: severity ${result.severity} of 5 for the ${result.profile} profile.`
      : `Not flagged for the ${result.profile} profile.`,
  );
  if (result.categories.length === 0) lines.push("No rule in the library matched.");
  for (const category of result.categories) {
    const verdict = category.flagged ? `flagged, severity ${category.severity}` : "below the threshold";
    lines.push(
      `  ${category.category}: score ${category.score} of ${category.threshold} needed (${verdict})`,
    );
    for (const match of result.matches.filter((candidate) => candidate.category === category.category)) {
      const how = match.view === "aggressive" ? " after unfolding disguised spelling" : "";
      const effect =
        match.cancelledBy !== null
          ? `cancelled by the exception "${match.cancelledBy}"`
          : match.counted
            ? `weight ${match.weight >= 0 ? "+" : ""}${match.weight}`
            : "already counted once";
      lines.push(`    "${match.text}" at ${match.start}-${match.end}${how}: rule ${match.ruleId}, ${effect}`);
    }
  }
  lines.push(`Library ${result.libraryVersion}.`);
  return `${lines.join("\n")}\n`;
}
