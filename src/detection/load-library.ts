// Loads phrase files (and optionally profiles.yaml) into a validated Library. Pure: callers read the
// files. Refused files, duplicate ids and conflicting rules come back as issues with file and line.
import { foldStrictText } from "./fold-text.js";
import { computeLibraryVersion } from "./library-version.js";
import { parsePhraseFile } from "./parse-phrase-file.js";
import { DEFAULT_PROFILES, parseProfiles } from "./profiles.js";
import type { Library, Rule } from "./rule.js";
import type { LibraryFile, LibraryIssue } from "./yaml-source.js";

export type LoadResult = { library: Library; issues: LibraryIssue[] };

/** What makes two rules the same rule: category plus folded terms and wildcards. */
function conflictKey(rule: Rule): string {
  const terms = rule.terms
    .map(
      (term) => `${term.openStart ? "*" : ""}${foldStrictText(term.words).trim()}${term.openEnd ? "*" : ""}`,
    )
    .sort();
  return `${rule.category}|${terms.join("|")}`;
}

function duplicateIssue(code: LibraryIssue["code"], rule: Rule, first: Rule, message: string): LibraryIssue {
  return {
    code,
    file: rule.location.file,
    line: rule.location.line,
    field: null,
    ruleId: rule.id,
    message: `${message} (first at ${first.location.file}:${first.location.line})`,
  };
}

/**
 * Loads phrase files into a library. Invalid files are left out; the second of two rules with the
 * same id, or with the same category and phrase, is left out too. All of it is reported in `issues`.
 */
export function loadLibrary(
  files: readonly LibraryFile[],
  options: { profiles?: LibraryFile } = {},
): LoadResult {
  const issues: LibraryIssue[] = [];
  const rules: Rule[] = [];
  const byId = new Map<string, Rule>();
  const byKey = new Map<string, Rule>();
  for (const file of files) {
    const parsed = parsePhraseFile(file);
    issues.push(...parsed.issues);
    for (const rule of parsed.rules) {
      const sameId = byId.get(rule.id);
      if (sameId) {
        issues.push(duplicateIssue("duplicate_id", rule, sameId, `duplicate id ${rule.id}`));
        continue;
      }
      const key = conflictKey(rule);
      const sameKey = byKey.get(key);
      if (sameKey) {
        const message = `same ${rule.category} phrase as ${sameKey.id}; merge them or drop one`;
        issues.push(duplicateIssue("conflicting_rule", rule, sameKey, message));
        continue;
      }
      byId.set(rule.id, rule);
      byKey.set(key, rule);
      rules.push(rule);
    }
  }
  let profiles = DEFAULT_PROFILES;
  if (options.profiles) {
    const parsed = parseProfiles(options.profiles);
    issues.push(...parsed.issues);
    if (parsed.profiles) profiles = parsed.profiles;
  }
  return { library: { rules, profiles, version: computeLibraryVersion(rules, profiles) }, issues };
}
