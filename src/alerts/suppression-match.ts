/**
 * Whether a signal is covered by a school's suppressions: every rule it fired must be suppressed
 * for its scope (the whole school, the site it came from, the user, or the device). A signal with
 * one unsuppressed rule still becomes an alert, so a suppression never hides a different concern.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

export interface SuppressionRule {
  id: string;
  ruleId: string;
  scope: string;
  value: string | null;
}

export interface SuppressibleSignal {
  ruleIds: readonly string[];
  url: string | null;
  userName: string | null;
  device: string | null;
}

/** The host of a URL or bare host name, lower-cased; null when it has none. */
export function hostOf(url: string | null): string | null {
  if (url === null || url === "") return null;
  try {
    return new URL(url.includes("://") ? url : `http://${url}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function covers(suppression: SuppressionRule, signal: SuppressibleSignal): boolean {
  switch (suppression.scope) {
    case "school":
      return true;
    case "site": {
      const host = hostOf(signal.url);
      const site = suppression.value ?? "";
      return host !== null && (host === site || host.endsWith(`.${site}`));
    }
    case "user":
      return signal.userName !== null && signal.userName === suppression.value;
    case "device":
      return signal.device !== null && signal.device === suppression.value;
    default:
      return false;
  }
}

/** The suppressions that together cover every rule of the signal, or null when some rule is not covered. */
export function suppressionsCovering(
  suppressions: readonly SuppressionRule[],
  signal: SuppressibleSignal,
): SuppressionRule[] | null {
  if (signal.ruleIds.length === 0) return null;
  const used: SuppressionRule[] = [];
  for (const ruleId of signal.ruleIds) {
    const match = suppressions.find((item) => item.ruleId === ruleId && covers(item, signal));
    if (!match) return null;
    used.push(match);
  }
  return used;
}

/** Suppressions of a school in force at `at` (not ended, not past their date). */
export async function suppressionsInForce(
  db: Kysely<Database>,
  schoolId: string,
  at: string,
): Promise<SuppressionRule[]> {
  const rows = await db
    .selectFrom("alert_suppressions")
    .select(["id", "rule_id", "scope", "value"])
    .where("school_id", "=", schoolId)
    .where("ended_at", "is", null)
    .where("until", ">", at)
    .execute();
  return rows.map((row) => ({ id: row.id, ruleId: row.rule_id, scope: row.scope, value: row.value }));
}
