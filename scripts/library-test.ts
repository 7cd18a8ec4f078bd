// Validates the phrase library and runs every entry's examples.
//   npx tsx scripts/library-test.ts                 every file under library/phrases
//   npx tsx scripts/library-test.ts path/to/a.yaml  just those files (or folders)
// Prints `file:line: rule id: message` per problem and a summary; exits 1 on any problem.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { type LibraryFile, createDetector, loadLibrary, runLibraryExamples } from "../src/detection/index.js";

const root = resolve(import.meta.dirname, "..");

function yamlFilesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      return statSync(child).isDirectory() || /\.ya?ml$/.test(name) ? yamlFilesUnder(child) : [];
    });
}

function readFiles(paths: string[]): LibraryFile[] {
  return paths.map((path) => ({
    path: relative(process.cwd(), path) || path,
    text: readFileSync(path, "utf8"),
  }));
}

const args = process.argv.slice(2);
const targets = args.length > 0 ? args.map((arg) => resolve(arg)) : [join(root, "library", "phrases")];
const missing = targets.filter((target) => !existsSync(target));
if (missing.length > 0) {
  console.error(`not found: ${missing.join(", ")}`);
  process.exit(1);
}
const files = readFiles(targets.flatMap(yamlFilesUnder));
const profilesPath = join(root, "library", "profiles.yaml");
const profiles = existsSync(profilesPath) ? readFiles([profilesPath])[0] : undefined;

const started = performance.now();
const { library, issues } = loadLibrary(files, profiles ? { profiles } : {});
const detector = createDetector(library);
const built = performance.now();
const failures = runLibraryExamples(library, detector);
const finished = performance.now();

for (const issue of issues) {
  const field = issue.field ? ` ${issue.field}:` : "";
  console.log(`${issue.file}:${issue.line}: ${issue.ruleId ?? issue.code}:${field} ${issue.message}`);
}
for (const failure of failures) {
  console.log(`${failure.file}:${failure.line}: ${failure.ruleId}: ${failure.message}`);
}

const counts = new Map<string, number>();
let examples = 0;
for (const rule of library.rules) {
  const key = `${rule.language}/${rule.category}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  examples += rule.examples.match.length + rule.examples.clear.length;
}
const byLanguage = new Map<string, string[]>();
for (const [key, count] of [...counts].sort()) {
  const [language, category] = key.split("/") as [string, string];
  byLanguage.set(language, [...(byLanguage.get(language) ?? []), `${category} ${count}`]);
}
for (const [language, parts] of byLanguage) {
  const total = library.rules.filter((rule) => rule.language === language).length;
  console.log(`  ${language}: ${total} rules (${parts.join(", ")})`);
}
const problems = issues.length + failures.length;
console.log(
  `${files.length} files, ${library.rules.length} rules, ${examples} examples: ` +
    `${issues.length} load issues, ${failures.length} example failures ` +
    `(build ${Math.round(built - started)} ms, examples ${Math.round(finished - built)} ms, library ${library.version})`,
);
process.exit(problems > 0 ? 1 : 0);
