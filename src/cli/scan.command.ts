/**
 * `vigil scan`: the detection engine from the shell. With `--jsonl` it is a stable contract for
 * other tools (see the README); with a text argument it explains its decision in words.
 */
import type { Command } from "commander";
import { ScanRequestSchema, toScanDecision, type ScanRequest } from "../contracts/scan.contract.js";
import { AGE_BANDS } from "../detection/index.js";
import { noOverrides } from "../detection/overrides/school-overrides.js";
import { withSchoolOverrides, type SchoolDetector } from "../detection/overrides/with-school-overrides.js";
import { findOverridesInForce } from "../overrides/detection-override.repository.js";
import { operatorScope } from "../schools/school.repository.js";
import { resolveSchool } from "./resolve-school.js";
import { openConfiguredDatabase } from "./open-configured-database.js";
import { extractSearchQuery } from "../detection/urls/index.js";
import { shippedDetector } from "../library/shipped-detector.js";
import { describeScan } from "./describe-scan.js";
import { usageError } from "./cli-errors.js";
import { answerJsonLines } from "./json-lines.js";

interface ScanOptions {
  jsonl?: boolean;
  profile?: string;
  json?: boolean;
  school?: string;
  site?: string;
  user?: string;
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
    .option("--school <school>", "apply this school's overrides (id or name; see `vigil override`)")
    .option("--site <host>", "the site the text came from, for the school's site suppressions")
    .option("--user <name>", "who wrote or saw it, for the school's user suppressions")
    .action(async (text: string | undefined, options: ScanOptions) => {
      const detector = await detectorFor(options.school);
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
      const result = detector.scan(text, {
        ...(options.profile === undefined ? {} : { profile: options.profile }),
        site: options.site ?? null,
        user: options.user ?? null,
      });
      process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : describeScan(result));
    });
}

/** The shipped detector, with a school's overrides in force on top when one is named. */
async function detectorFor(school: string | undefined): Promise<SchoolDetector> {
  const { detector } = shippedDetector();
  if (school === undefined) return withSchoolOverrides(detector, noOverrides);
  const { database } = await openConfiguredDatabase();
  try {
    const schoolId = await resolveSchool(database.db, school);
    const scope = await operatorScope(database.db);
    return withSchoolOverrides(detector, await findOverridesInForce(database.db, scope, schoolId));
  } finally {
    await database.close();
  }
}

/** The decision for one valid `--jsonl` request. */
function decide(detector: SchoolDetector, request: ScanRequest, profile: string | undefined) {
  // A URL alone is judged by what was searched for, when it is a search-engine URL.
  const text =
    request.text ?? (request.url === undefined ? "" : (extractSearchQuery(request.url)?.query ?? ""));
  const chosen = request.age ?? profile;
  const scope = { site: request.url ?? null, ...(chosen === undefined ? {} : { profile: chosen }) };
  return toScanDecision(request.id, detector.scan(text, scope));
}
