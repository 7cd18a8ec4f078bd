/**
 * `npm run eval`: Vigil against two baselines on the public labelled sets, as a table of
 * precision, recall, F1 and false-positive rate, then the targets. Exits 1 if a target is missed.
 */
import { readPhraseLibrary } from "../../src/library/read-phrase-library.js";
import { createDetector } from "../../src/detection/index.js";
import { evalDataRoot, loadEvalSets } from "./datasets.js";
import { naughtyWordsPredictor, obscenityPredictor, vigilPredictor } from "./detectors.js";
import { evaluate } from "./evaluate.js";
import { checkTargets } from "./targets.js";

const { sets, missing } = loadEvalSets();
if (sets.length === 0) {
  console.error(`No evaluation data found under ${evalDataRoot()}.`);
  console.error(
    "Put the shared data beside the repository (../shared/data/text) or set VIGIL_EVAL_DATA to its folder.",
  );
  process.exit(2);
}
for (const path of missing) console.error(`(skipping a set: ${path} is not there)`);

const { library, issues } = readPhraseLibrary();
// Figures from a library with a dropped file would look plausible and be wrong: refuse instead.
if (issues.length > 0) {
  for (const issue of issues) console.error(`${issue.file}:${issue.line}: ${issue.message}`);
  console.error(
    `The phrase library has ${issues.length} problem(s); fix them (see \`vigil library test\`) before evaluating.`,
  );
  process.exit(2);
}
const predictors = [vigilPredictor(createDetector(library)), obscenityPredictor(), naughtyWordsPredictor()];
// Progress on a terminal is one line rewritten in place; in a log it is one line per set.
const results = evaluate(sets, predictors, (set, done) => {
  if (process.stderr.isTTY) process.stderr.write(`\r  scanning ${set.name}: ${done}/${set.items.length}   `);
  else if (done === set.items.length) process.stderr.write(`  scanned ${set.name}: ${done} texts\n`);
});
if (process.stderr.isTTY) process.stderr.write("\r".padEnd(90) + "\r");

const percent = (value: number | null) =>
  value === null ? "   -  " : `${(value * 100).toFixed(1).padStart(5)}%`;
console.log(
  `\nDetection evaluation: library ${library.version} (${library.rules.length} rules), default profile`,
);
console.log(`Data: ${evalDataRoot()}\n`);
console.log(`| set | texts | detector | precision | recall | F1 | false-positive rate |`);
console.log(`| --- | ---: | --- | ---: | ---: | ---: | ---: |`);
for (const result of results) {
  for (const [name, metrics] of result.byPredictor) {
    const hasPositives = metrics.tp + metrics.fn > 0;
    const cells = [
      percent(hasPositives ? metrics.precision : null),
      percent(metrics.recall),
      percent(metrics.f1),
      percent(metrics.falsePositiveRate),
    ];
    console.log(`| ${result.set.name} | ${result.set.items.length} | ${name} | ${cells.join(" | ")} |`);
  }
}
console.log("\nTargets:");
const checks = checkTargets(results);
for (const check of checks) console.log(`  ${check.met ? "met   " : "MISSED"} ${check.description}`);
const missed = checks.filter((check) => !check.met).length;
console.log(
  missed === 0
    ? "\nEvery target met."
    : `\n${missed} target(s) missed: tune categories and rules (never single rows), then run again.`,
);
process.exitCode = missed === 0 ? 0 : 1;
