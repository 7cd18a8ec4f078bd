/**
 * The detector over the shipped library, built once per process: compiling takes tens of
 * milliseconds, scanning microseconds, so every caller shares one.
 */
import { createDetector, type Detector, type LibraryIssue } from "../detection/index.js";
import { readPhraseLibrary } from "./read-phrase-library.js";

let shipped: { detector: Detector; issues: LibraryIssue[] } | undefined;

/** The shared detector and any problems found while loading the library. */
export function shippedDetector(): { detector: Detector; issues: LibraryIssue[] } {
  if (!shipped) {
    const { library, issues } = readPhraseLibrary();
    shipped = { detector: createDetector(library), issues };
  }
  return shipped;
}
