/**
 * The public data beside the repository (`../shared/data`), which is never copied into it. Tests
 * and the evaluation find it here, relative to the checkout, wherever the checkout lives.
 */
import { join } from "node:path";

const sharedDataRoot = join(import.meta.dirname, "..", "..", "..", "shared", "data");

/** A path inside the shared data folder. */
export function sharedDataPath(...parts: string[]): string {
  return join(sharedDataRoot, ...parts);
}
