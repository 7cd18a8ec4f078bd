/**
 * A school's own changes to the shipped library, applied on top of it without editing it, so
 * they survive library updates: terms it adds, terms it allows wherever they appear (its own
 * place names, a club called "The Assassins"), and suppressions of a rule for the whole school,
 * one site or one user.
 */
import type { Category } from "../rule.js";

export type LocalTerm = { id: string; phrase: string; category: Category; weight: number; severity: number };

export type AllowedTerm = { id: string; phrase: string };

export type Suppression = {
  id: string;
  /** The rule silenced, e.g. `en.violence.shoot`. */
  ruleId: string;
  /** Only on this host and its subdomains; null for everywhere. */
  site: string | null;
  /** Only for this user; null for everyone. */
  user: string | null;
};

export type SchoolOverrides = {
  localTerms: readonly LocalTerm[];
  allowedTerms: readonly AllowedTerm[];
  suppressions: readonly Suppression[];
};

export const noOverrides: SchoolOverrides = { localTerms: [], allowedTerms: [], suppressions: [] };
