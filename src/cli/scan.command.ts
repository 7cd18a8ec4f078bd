/**
 * `vigil scan`: the detection engine from the shell. With `--jsonl` it is a stable contract for
 * other tools (see the README); with a text argument it explains its decision in words.
 */
import type { Command } from "commander";
import { ScanRequestSchema, toScanDecision, type ScanRequest } from "../contracts/scan.contract.js";
import { AGE_BANDS, type Detector } from "../detection/index.js";
import { extractSearchQuery } from "../detection/urls/index.js";
import { shippedDetector } from "../library/shipped-detector.js";
import { describeScan } from "./describe-scan.js";
import { usageError } from "./cli-errors.js";
import { answerJsonLines } from "./json-lines.js";

interface ScanOptions {
  jsonl?: boolean;
  profile?: string;
  json?: boolean;
}

/** Adds the `scan` command. */
export function addScanCommand(program: Command): void {
  program
    .command("scan")
    .description("Scan text with the phrase library and explain the decision")
    .argument("[text]", "the text to scan (omit with --jsonl)")
    .option("--jsonl", "read one JSON object per line on standard input, write one decision per line")
    .option("--profile <band>", `age band: ${AGE_BANDS.join(", ")} (default: the library's default)`)
    .option("--json", "print the full explained result as JSON instead of words")
    .action(async (text: string | undefined, options: ScanOptions) => {
      const { detector } = shippedDetector();
      if (options.profile !== undefined && !(options.profile in detector.library.profiles.profiles)) {
        throw usageError(`Unknown profile "${options.profile}".`, `Use one of ${AGE_BANDS.join(", ")}.`);
      }
      if (options.jsonl) {
        if (text !== undefined) throw usageError("Give either a text or --jsonl, not both.");
        await answerJsonLines("scan", ScanRequestSchema, (request) =>
          decide(detector, request, options.profile),
        );
        return;
      }
      if (text === undefined)
        throw usageError(
          "Nothing to scan.",
          'Run `vigil scan "some text"`, or pipe JSON lines into `vigil scan --jsonl`.',
        );
      const result = detector.scan(text, options.profile === undefined ? {} : { profile: options.profile });
      process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : describeScan(result));
    });
}

/** The decision for one valid `--jsonl` request. */
function decide(detector: Detector, request: ScanRequest, profile: string | undefined) {
  // A URL alone is judged by what was searched for, when it is a search-engine URL.
  const text =
    request.text ?? (request.url === undefined ? "" : (extractSearchQuery(request.url)?.query ?? ""));
  const chosen = request.age ?? profile;
  return toScanDecision(request.id, detector.scan(text, chosen === undefined ? {} : { profile: chosen }));
}
