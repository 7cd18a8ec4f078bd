/**
 * `vigil categorise`: which URL category lists a URL is on, what was searched for, and whether
 * it looks like getting round the filter. `--jsonl` is a stable contract for other tools.
 */
import type { Command } from "commander";
import { CategoriseRequestSchema, toCategoriseDecision } from "../contracts/categorise.contract.js";
import { categoriseUrl } from "../detection/urls/index.js";
import { urlLookupFor } from "../library/shipped-url-lookup.js";
import { loadConfig } from "../platform/config/load-config.js";
import { usageError } from "./cli-errors.js";
import { answerJsonLines } from "./json-lines.js";

/** Adds the `categorise` command. */
export function addCategoriseCommand(program: Command): void {
  program
    .command("categorise")
    .alias("categorize")
    .description("Categorise URLs against the URL lists (imported or shipped) and pull out search queries")
    .argument("[url]", "the URL to categorise (omit with --jsonl)")
    .option("--jsonl", 'read {"id", "url"} per line on standard input, write one answer per line')
    .action(async (url: string | undefined, options: { jsonl?: boolean }) => {
      // The data folder's imported UT1 lists when it has some (`vigil url-lists import`), else the shipped.
      const lookup = urlLookupFor(loadConfig().dataDir);
      if (options.jsonl) {
        if (url !== undefined) throw usageError("Give either a URL or --jsonl, not both.");
        await answerJsonLines("categorise", CategoriseRequestSchema, (request) =>
          toCategoriseDecision(request.id, categoriseUrl(lookup, request.url)),
        );
        return;
      }
      if (url === undefined)
        throw usageError(
          "No URL given.",
          "Run `vigil categorise https://example.com/`, or pipe JSON lines into `vigil categorise --jsonl`.",
        );
      const decision = toCategoriseDecision(url, categoriseUrl(lookup, url));
      const lines = [
        decision.categories.length > 0
          ? `Categories: ${decision.categories.join(", ")}`
          : "On no category list.",
        ...decision.lists.map(
          (hit) => `  ${hit.category}: ${hit.source} list "${hit.list}" matched ${hit.matched}`,
        ),
        decision.search === null ? "Not a search." : `Search query: ${decision.search}`,
        ...(decision.avoidance.length > 0 ? [`Filter avoidance: ${decision.avoidance.join(", ")}`] : []),
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
