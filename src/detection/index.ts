// Vigil's detection engine: fold text, match the phrase library in one automaton, score by profile.
// Pure TypeScript with no I/O, so the same code runs on the server and in the browser extension.
export { AGE_BANDS, CATEGORIES } from "./rule.js";
export type { AgeBand, Category, Library, Profile, ProfileSet, Rule, Term } from "./rule.js";
export type { LibraryFile, LibraryIssue } from "./yaml-source.js";
export { loadLibrary, type LoadResult } from "./load-library.js";
export { parseProfiles, DEFAULT_PROFILES } from "./profiles.js";
export { runLibraryExamples, type ExampleFailure } from "./run-examples.js";
export {
  createDetector,
  compileLibrary,
  MAX_MATCHES_PER_RULE,
  type CompiledLibrary,
  type Detector,
  type ScanOptions,
} from "./detector.js";
export type { RuleMatch } from "./evaluate-rules.js";
export type { View } from "./compile-patterns.js";
export { AGGRESSIVE_DISCOUNT, type CategoryScore, type ScanMatch, type ScanResult } from "./score.js";
export { foldStrictText, foldAggressiveText } from "./fold-text.js";
