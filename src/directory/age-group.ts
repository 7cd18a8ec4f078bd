/**
 * Age groups: the English school phases a safeguarding team thinks in (the triage queue filters
 * by them and routing policies send, say, primary alerts to the primary DSL). The one place that
 * turns a directory year group ("Year 7", "Y7", "7", "R", "N1") into one of them.
 */

/** The closed list of age groups, youngest first. */
export const AGE_GROUPS = [
  "early-years",
  "key-stage-1",
  "key-stage-2",
  "key-stage-3",
  "key-stage-4",
  "sixth-form",
] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Each age group's short name, for a table cell. */
export const AGE_GROUP_NAMES: Readonly<Record<AgeGroup, string>> = {
  "early-years": "Early years",
  "key-stage-1": "Key stage 1",
  "key-stage-2": "Key stage 2",
  "key-stage-3": "Key stage 3",
  "key-stage-4": "Key stage 4",
  "sixth-form": "Sixth form",
};

/** What each age group covers, in words a person reads in a form or a filter. */
export const AGE_GROUP_LABELS: Readonly<Record<AgeGroup, string>> = {
  "early-years": "Early years (nursery, reception)",
  "key-stage-1": "Key stage 1 (years 1-2)",
  "key-stage-2": "Key stage 2 (years 3-6)",
  "key-stage-3": "Key stage 3 (years 7-9)",
  "key-stage-4": "Key stage 4 (years 10-11)",
  "sixth-form": "Sixth form (years 12-13)",
};

/** Nursery and reception, as MIS exports spell them once "year" and punctuation are gone. */
const earlyYearsNames = new Set([
  "n",
  "n1",
  "n2",
  "nursery",
  "nursery1",
  "nursery2",
  "fs1",
  "f1",
  "fs2",
  "f2",
  "eyfs",
  "r",
  "rec",
  "reception",
]);
const sixthFormNames = new Set(["l6", "u6", "lowersixth", "uppersixth", "sixthform", "6thform"]);

/** The age group of a national curriculum year (1-13). */
function ageGroupOfYear(year: number): AgeGroup | null {
  if (year >= 1 && year <= 2) return "key-stage-1";
  if (year >= 3 && year <= 6) return "key-stage-2";
  if (year >= 7 && year <= 9) return "key-stage-3";
  if (year >= 10 && year <= 11) return "key-stage-4";
  if (year >= 12 && year <= 13) return "sixth-form";
  return null;
}

/**
 * The age group of a directory year group, or null when it is missing or not a year Vigil knows
 * (a null never matches a filter or an age-group policy, so a guess would be worse than nothing).
 * Tolerates case, spacing and the prefixes "Year", "Yr", "Y": "Year 7", "Y7", "07", "R", "N1".
 */
export function ageGroupOfYearGroup(yearGroup: string | null | undefined): AgeGroup | null {
  if (yearGroup === null || yearGroup === undefined) return null;
  const squashed = yearGroup.toLowerCase().replace(/[\s\-_.]+/g, "");
  if (squashed === "") return null;
  const bare = squashed.replace(/^(year|yr|y)(?=\d|r$|rec|reception)/, "");
  if (earlyYearsNames.has(bare)) return "early-years";
  if (sixthFormNames.has(bare)) return "sixth-form";
  if (!/^\d{1,2}$/.test(bare)) return null;
  return ageGroupOfYear(Number(bare));
}

/** True for one of the age groups (for values read back from storage). */
export function isAgeGroup(value: string): value is AgeGroup {
  return (AGE_GROUPS as readonly string[]).includes(value);
}
