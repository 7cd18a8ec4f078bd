// Runs every entry's examples against a detector built from the whole library: each `match`
// example must fire its rule un-cancelled, each `clear` example must not.
import { type Detector, createDetector } from "./detector.js";
import type { Library } from "./rule.js";

export type ExampleFailure = { file: string; line: number; ruleId: string; message: string };

/** Returns one failure per example that does not behave as written. */
export function runLibraryExamples(
  library: Library,
  detector: Detector = createDetector(library),
): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  library.rules.forEach((rule, index) => {
    const firing = (text: string) => detector.match(text).filter((m) => m.rule === index);
    for (const example of rule.examples.match) {
      const found = firing(example.text);
      if (found.some((m) => m.cancelledBy === null)) continue;
      const cancelled = found.find((m) => m.cancelledBy !== null);
      const message = cancelled
        ? `match example "${example.text}" is cancelled by unless "${cancelled.cancelledBy ?? ""}"`
        : `match example "${example.text}" does not fire the rule`;
      failures.push({ ...example.location, ruleId: rule.id, message });
    }
    for (const example of rule.examples.clear) {
      const found = firing(example.text).find((m) => m.cancelledBy === null);
      if (!found) continue;
      const span = example.text.slice(found.start, found.end);
      const message = `clear example "${example.text}" fires the rule on "${span}" (${found.view} view)`;
      failures.push({ ...example.location, ruleId: rule.id, message });
    }
  });
  return failures;
}
