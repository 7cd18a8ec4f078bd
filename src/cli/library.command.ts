/**
 * `vigil library test`: validates every phrase file and runs every entry's examples, naming the
 * file and line of each problem. CI runs it through the test suite.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { createDetector, runLibraryExamples } from "../detection/index.js";
import { readPhraseLibrary } from "../library/read-phrase-library.js";
import { usageError } from "./cli-errors.js";

/** Adds the `library` command group. */
export function addLibraryCommand(program: Command): void {
  const library = program.command("library").description("Work with the phrase library");
  library
    .command("test")
    .description("Check every phrase file and run each entry's match and clear examples")
    .argument("[paths...]", "files or folders to test (default: the whole shipped library)")
    .action((paths: string[]) => {
      const targets = paths.map((path) => resolve(path));
      const missing = targets.filter((target) => !existsSync(target));
      if (missing.length > 0) throw usageError(`Not found: ${missing.join(", ")}.`);
      const { library: loaded, issues } = readPhraseLibrary(targets.length > 0 ? targets : undefined);
      const failures = runLibraryExamples(loaded, createDetector(loaded));
      for (const issue of issues) {
        const field = issue.field ? ` ${issue.field}:` : "";
        process.stdout.write(
          `${issue.file}:${issue.line}: ${issue.ruleId ?? issue.code}:${field} ${issue.message}\n`,
        );
      }
      for (const failure of failures)
        process.stdout.write(`${failure.file}:${failure.line}: ${failure.ruleId}: ${failure.message}\n`);
      const examples = loaded.rules.reduce(
        (sum, rule) => sum + rule.examples.match.length + rule.examples.clear.length,
        0,
      );
      const languages = new Set(loaded.rules.map((rule) => rule.language));
      process.stdout.write(
        `${loaded.rules.length} rules in ${languages.size} languages, ${examples} examples: ${issues.length} file problems, ${failures.length} failing examples. Library ${loaded.version}.\n`,
      );
      if (issues.length + failures.length > 0) {
        process.stdout.write("Fix each line above (file:line), then run `vigil library test` again.\n");
        process.exitCode = 1;
      }
    });
}
