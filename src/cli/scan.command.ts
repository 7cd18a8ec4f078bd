/**
 * `vigil scan`: the detection engine from the shell. With `--jsonl` it is a stable contract for
 * other tools (see the README); with a text argument it explains its decision in words.
 */
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { ScanRequestSchema, toScanDecision } from "../contracts/scan.contract.js";
import { AGE_BANDS, type Detector, type ScanResult } from "../detection/index.js";
import { extractSearchQuery } from "../detection/urls/index.js";
import { shippedDetector } from "../library/shipped-detector.js";
import { describeScan } from "./describe-scan.js";
import { usageError } from "./cli-errors.js";

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
        await scanJsonLines(detector, options.profile);
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

/** One decision per input line, in order; a line that is not valid gets an `error` instead. */
async function scanJsonLines(detector: Detector, profile: string | undefined): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let invalid = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    const answer = decideLine(detector, line, lineNumber, profile);
    if ("error" in answer) invalid += 1;
    if (!process.stdout.write(`${JSON.stringify(answer)}\n`)) {
      await new Promise((resolve) => process.stdout.once("drain", resolve));
    }
  }
  if (invalid > 0)
    process.stderr.write(
      `vigil scan: ${invalid} of ${lineNumber} lines were not valid (see their "error").\n`,
    );
}

function decideLine(detector: Detector, line: string, lineNumber: number, profile: string | undefined) {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { id: null, error: `line ${lineNumber} is not valid JSON` };
  }
  const parsed = ScanRequestSchema.safeParse(json);
  if (!parsed.success) {
    const id =
      typeof json === "object" && json !== null && "id" in json ? (json as { id: unknown }).id : null;
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join(".") || "line"}: ${issue.message}`);
    return { id, error: `line ${lineNumber}: ${reasons.join("; ")}` };
  }
  const request = parsed.data;
  // A URL alone is judged by what was searched for, when it is a search-engine URL.
  const text =
    request.text ?? (request.url === undefined ? "" : (extractSearchQuery(request.url)?.query ?? ""));
  const chosen = request.age ?? profile;
  const result: ScanResult = detector.scan(text, chosen === undefined ? {} : { profile: chosen });
  return toScanDecision(request.id, result);
}
