// The compiled form of library entries: what the loader produces and the detector consumes.

/** The age bands a profile (and an entry's `ages:`) can name. */
export const AGE_BANDS = ["primary", "secondary", "sixth-form", "staff"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The categories a phrase file can declare (library/README.md). */
export const CATEGORIES = [
  "bullying",
  "self-harm",
  "sexual",
  "extremism",
  "violence",
  "drugs",
  "gambling",
  "hate",
  "adult",
  "proxy-hacking",
  "distress",
  "profanity",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** One searchable term: words, with an optional wildcard for the rest of the first or last word. */
export type Term = {
  /** As written in the library, wildcards included. */
  source: string;
  /** The words without wildcards. */
  words: string;
  /** `*phobe`: the first word may have any letters before it. */
  openStart: boolean;
  /** `suicid*`: the last word may have any letters after it. */
  openEnd: boolean;
};

/** Where something was written, for messages a content writer can act on. */
export type SourceLocation = { file: string; line: number };

export type Example = { text: string; location: SourceLocation };

export type Rule = {
  /** `<language>.<category>.<id>` */
  id: string;
  language: string;
  category: Category;
  /** One term for a phrase; several for `all:` (co-occurrence). */
  terms: Term[];
  /** Co-occurrence window in words (every term within this many words of the others). */
  within: number;
  weight: number;
  severity: number;
  unless: Term[];
  /** null means every age band. */
  ages: AgeBand[] | null;
  note: string | null;
  examples: { match: Example[]; clear: Example[] };
  location: SourceLocation;
};

export type Profile = {
  name: string;
  threshold: number;
  /** Per-category thresholds that replace `threshold`. */
  categories: Partial<Record<Category, number>>;
};

export type ProfileSet = { defaultProfile: string; profiles: Record<string, Profile> };

/** A loaded, validated library, ready to compile. */
export type Library = {
  rules: Rule[];
  profiles: ProfileSet;
  /** Content hash of everything that affects matching and scoring. */
  version: string;
};
