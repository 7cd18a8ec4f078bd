// Age-band profiles: the score at which a category is flagged. library/profiles.yaml is the source
// of truth; DEFAULT_PROFILES mirrors it for callers (and tests) that load no profiles file.
import { ProfilesFileSchema } from "./library.schema.js";
import type { Category, ProfileSet } from "./rule.js";
import { type LibraryFile, type LibraryIssue, parseYamlSource } from "./yaml-source.js";

/** The built-in profiles, equal to library/profiles.yaml at the time of writing. */
export const DEFAULT_PROFILES: ProfileSet = {
  defaultProfile: "secondary",
  profiles: {
    primary: { name: "primary", threshold: 65, categories: { "self-harm": 50, sexual: 50, distress: 50 } },
    secondary: { name: "secondary", threshold: 100, categories: { "self-harm": 80, distress: 80 } },
    "sixth-form": { name: "sixth-form", threshold: 120, categories: { "self-harm": 90, distress: 90 } },
    staff: { name: "staff", threshold: 150, categories: { "self-harm": 100, profanity: 300 } },
  },
};

/** Parses and validates a profiles file. */
export function parseProfiles(file: LibraryFile): { profiles: ProfileSet | null; issues: LibraryIssue[] } {
  const source = parseYamlSource(file);
  if (Array.isArray(source)) return { profiles: null, issues: source };
  const parsed = ProfilesFileSchema.safeParse(source.document.toJS());
  if (!parsed.success) {
    return {
      profiles: null,
      issues: parsed.error.issues.map((issue) => {
        const path = issue.path.map((key) => (typeof key === "symbol" ? String(key) : key));
        return {
          code: "invalid_field",
          file: file.path,
          line: source.lineOf(path),
          field: path.join("."),
          ruleId: null,
          message: issue.message,
        };
      }),
    };
  }
  const profiles: ProfileSet["profiles"] = {};
  for (const [name, profile] of Object.entries(parsed.data.profiles)) {
    profiles[name] = { name, threshold: profile.threshold, categories: profile.categories ?? {} };
  }
  return { profiles: { defaultProfile: parsed.data.default, profiles }, issues: [] };
}

/** The threshold at which `category` is flagged under `profile`. */
export function thresholdFor(profiles: ProfileSet, profile: string, category: Category): number {
  const chosen = profiles.profiles[profile];
  if (!chosen) throw new Error(`unknown profile "${profile}"`);
  return chosen.categories[category] ?? chosen.threshold;
}
