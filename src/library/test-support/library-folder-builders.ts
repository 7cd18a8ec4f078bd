/** Writes small phrase libraries to a temporary folder, in the library format, for replay tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One entry of a test phrase file: an id and a phrase that fires on its own. */
export interface TestEntry {
  id: string;
  phrase: string;
}

/** A folder holding `phrases/<language>/<category>.yaml` with `entries`; returns the folder. */
export function writeLibraryFolder(category: string, entries: readonly TestEntry[], language = "en"): string {
  const root = mkdtempSync(join(tmpdir(), "vigil-library-"));
  mkdirSync(join(root, "phrases", language), { recursive: true });
  const lines = [`language: ${language}`, `category: ${category}`, "entries:"];
  for (const entry of entries) {
    lines.push(
      `  - id: ${entry.id}`,
      `    phrase: ${entry.phrase}`,
      "    weight: 150",
      "    severity: 4",
      "    examples:",
      `      match: ["${entry.phrase} now"]`,
      `      clear: ["nothing to see"]`,
    );
  }
  writeFileSync(join(root, "phrases", language, `${category}.yaml`), `${lines.join("\n")}\n`);
  return root;
}
