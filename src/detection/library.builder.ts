// Test builders: small inline libraries, so tests never depend on the content being written.
import { createDetector, type Detector } from "./detector.js";
import { loadLibrary } from "./load-library.js";
import type { Library } from "./rule.js";
import type { LibraryFile } from "./yaml-source.js";

/** One entry as a test writes it; examples default to something harmless that passes schema checks. */
export type TestEntry = {
  id: string;
  phrase?: string;
  all?: string[];
  within?: number;
  weight?: number;
  severity?: number;
  unless?: string[];
  ages?: string[];
  match?: string[];
  clear?: string[];
};

/** A phrase file for `language`/`category` holding `entries`. */
export function buildPhraseFile(category: string, entries: TestEntry[], language = "en"): LibraryFile {
  const yamlEntries = entries.map(({ match, clear, weight, severity, ...entry }) => ({
    ...entry,
    weight: weight ?? 100,
    severity: severity ?? 3,
    examples: {
      match: match ?? [entry.phrase ?? entry.all?.join(" ") ?? "x"],
      clear: clear ?? ["nothing here"],
    },
  }));
  return {
    path: `phrases/${language}/${category}.yaml`,
    text: JSON.stringify({ language, category, entries: yamlEntries }, null, 2),
  };
}

/** Loads files into a library, failing the test on any load issue. */
export function buildLibrary(...files: LibraryFile[]): Library {
  const { library, issues } = loadLibrary(files);
  if (issues.length > 0) throw new Error(issues.map((issue) => `${issue.line}: ${issue.message}`).join("\n"));
  return library;
}

/** A detector over one category's entries. */
export function buildDetector(category: string, entries: TestEntry[], language = "en"): Detector {
  return createDetector(buildLibrary(buildPhraseFile(category, entries, language)));
}
