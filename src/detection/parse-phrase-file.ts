// One phrase file -> rules. A file with any invalid entry is refused whole (no rule from it is
// loaded), and every problem is reported with its line and field so the writer can fix them at once.
import type { z } from "zod";
import { DEFAULT_WITHIN, EntrySchema, PhraseFileSchema, type Entry } from "./library.schema.js";
import type { Rule, Term } from "./rule.js";
import { type LibraryFile, type LibraryIssue, type YamlSource, parseYamlSource } from "./yaml-source.js";

/** Parses `suicid*`, `*phobe` or plain words into a term. */
export function parseTerm(source: string): Term {
  const trimmed = source.trim();
  const openStart = trimmed.startsWith("*");
  const openEnd = trimmed.length > 1 && trimmed.endsWith("*");
  const words = trimmed.slice(openStart ? 1 : 0, openEnd ? -1 : undefined).trim();
  return { source: trimmed, words, openStart, openEnd };
}

function zodIssues(
  source: YamlSource,
  error: z.ZodError,
  prefix: readonly (string | number)[],
  ruleId: string | null,
): LibraryIssue[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))];
    return {
      code: "invalid_field",
      file: source.file,
      line: source.lineOf(path),
      field: path.join("."),
      ruleId,
      message: issue.message,
    };
  });
}

function toRule(
  source: YamlSource,
  language: string,
  category: Rule["category"],
  entry: Entry,
  index: number,
): Rule {
  const examples = (kind: "match" | "clear") =>
    entry.examples[kind].map((text, j) => ({
      text,
      location: { file: source.file, line: source.lineOf(["entries", index, "examples", kind, j]) },
    }));
  return {
    id: `${language}.${category}.${entry.id}`,
    language,
    category,
    terms: (entry.phrase !== undefined ? [entry.phrase] : (entry.all ?? [])).map(parseTerm),
    within: entry.within ?? DEFAULT_WITHIN,
    weight: entry.weight,
    severity: entry.severity ?? 1,
    unless: (entry.unless ?? []).map(parseTerm),
    ages: entry.ages ?? null,
    note: entry.note ?? null,
    examples: { match: examples("match"), clear: examples("clear") },
    location: { file: source.file, line: source.lineOf(["entries", index]) },
  };
}

function checkPath(file: string, language: string, category: string): string | null {
  const parts = file.split(/[\\/]/);
  const name = parts.at(-1) ?? "";
  const folder = parts.at(-2) ?? "";
  if (!/\.ya?ml$/.test(name) || !parts.includes("phrases")) return null;
  const expected = `${language}/${category}.yaml`;
  return `${folder}/${name}` === expected
    ? null
    : `file declares ${language}/${category}, so it belongs in ${expected}`;
}

/** Parses and validates one phrase file. */
export function parsePhraseFile(file: LibraryFile): { rules: Rule[]; issues: LibraryIssue[] } {
  const source = parseYamlSource(file);
  if (Array.isArray(source)) return { rules: [], issues: source };
  const parsed = PhraseFileSchema.safeParse(source.document.toJS());
  if (!parsed.success) return { rules: [], issues: zodIssues(source, parsed.error, [], null) };
  const { language, category, entries } = parsed.data;
  const issues: LibraryIssue[] = [];
  const mismatch = checkPath(file.path, language, category);
  if (mismatch !== null) {
    issues.push({
      code: "file_mismatch",
      file: file.path,
      line: 1,
      field: null,
      ruleId: null,
      message: mismatch,
    });
  }
  const rules: Rule[] = [];
  entries.forEach((raw, index) => {
    const entry = EntrySchema.safeParse(raw);
    const rawId = (raw as { id?: unknown } | null)?.id;
    const ruleId = typeof rawId === "string" ? `${language}.${category}.${rawId}` : null;
    if (!entry.success) issues.push(...zodIssues(source, entry.error, ["entries", index], ruleId));
    else rules.push(toRule(source, language, category, entry.data, index));
  });
  return { rules: issues.length > 0 ? [] : rules, issues };
}
