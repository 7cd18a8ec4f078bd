/**
 * Alerts as the API shows them: a queue row, or the full alert with its explanation in plain
 * words and the matched words located in the evidence so the console can highlight them.
 */
import type {
  AlertDetail,
  AlertHistoryEntry,
  AlertStatus,
  AlertSummary,
} from "../contracts/alert.contract.js";
import type { AlertsTable, AlertHistoryTable } from "../db/schema.js";
import { isAgeGroup } from "../directory/age-group.js";
import type { AlertExplanation } from "./alert-signal.js";
import type { AlertAbilities } from "./alert.policy.js";

type SummaryRow = Pick<
  AlertsTable,
  | "id"
  | "school_id"
  | "severity"
  | "categories"
  | "user_name"
  | "age_group"
  | "device"
  | "url"
  | "count"
  | "first_seen"
  | "last_seen"
  | "assignee_id"
  | "acknowledged_at"
> & { status: string; rule_ids: string; subject_kind: string | null };

/** A queue row. */
export function presentAlertSummary(row: SummaryRow): AlertSummary {
  return {
    id: row.id,
    schoolId: row.school_id,
    status: row.status as AlertStatus,
    severity: row.severity,
    categories: JSON.parse(row.categories) as string[],
    ruleIds: JSON.parse(row.rule_ids) as string[],
    user: row.user_name,
    ageGroup: row.age_group !== null && isAgeGroup(row.age_group) ? row.age_group : null,
    aboutStaff: row.subject_kind === "staff",
    device: row.device,
    url: row.url,
    count: row.count,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    assigneeId: row.assignee_id,
    acknowledgedAt: row.acknowledged_at,
  };
}

/** The full alert for its page. */
export function presentAlertDetail(
  row: SummaryRow & Pick<AlertsTable, "explanation" | "evidence" | "ip">,
  history: readonly Omit<AlertHistoryTable, "school_id" | "alert_id">[],
  abilities: AlertAbilities,
): AlertDetail {
  const explanation = JSON.parse(row.explanation) as AlertExplanation;
  return {
    ...presentAlertSummary(row),
    explanation: explainInPlainWords(explanation, row.count),
    matches: explanation.matches.map(({ ruleId, category, text, weight }) => ({
      ruleId,
      category,
      text,
      weight,
    })),
    evidence:
      row.evidence === null ? null : { text: row.evidence, spans: matchSpans(row.evidence, explanation) },
    ip: row.ip,
    history: history.map(presentHistory),
    abilities,
  };
}

function presentHistory(entry: Omit<AlertHistoryTable, "school_id" | "alert_id">): AlertHistoryEntry {
  return {
    id: entry.id,
    at: entry.at,
    actor: entry.actor_label,
    action: entry.action,
    fromStatus: entry.from_status,
    toStatus: entry.to_status,
    assigneeId: entry.assignee_id,
    note: entry.note,
  };
}

/** One sentence per reason the alert was raised, for a person who has not read the library. */
export function explainInPlainWords(explanation: AlertExplanation, count: number): string[] {
  const lines: string[] = [];
  for (const match of explanation.matches) {
    lines.push(
      `The words "${match.text}" matched rule ${match.ruleId} (${match.category}), which adds ${match.weight} to the ${match.category} score and carries severity ${match.severity}.`,
    );
  }
  for (const score of explanation.scores) {
    lines.push(
      `The ${score.category} score reached ${score.score}, at or above the threshold of ${score.threshold}${explanation.profile ? ` for the ${explanation.profile} profile` : ""}.`,
    );
  }
  for (const hit of explanation.url) {
    const avoidance = hit.avoidance ? `, a sign of filter avoidance (${hit.avoidance})` : "";
    lines.push(
      `The address matched "${hit.matched}" on the ${hit.source} list "${hit.list}" (${hit.category})${avoidance}.`,
    );
  }
  if (explanation.action) lines.push(`The web filter ${explanation.action} the visit.`);
  if (count > 1) lines.push(`The same rules fired ${count} times for this person; repeats are grouped here.`);
  lines.push(`Detected in a ${explanation.eventKind} event by phrase library ${explanation.libraryVersion}.`);
  return lines;
}

/**
 * Where each matched text occurs in the evidence (case-insensitive, every occurrence), sorted and
 * without overlaps. Matches found in a disguised form (e.g. "k1ll") may not appear verbatim.
 */
export function matchSpans(
  evidence: string,
  explanation: Pick<AlertExplanation, "matches">,
): { start: number; end: number; ruleId: string }[] {
  const lower = evidence.toLowerCase();
  const spans: { start: number; end: number; ruleId: string }[] = [];
  for (const match of explanation.matches) {
    const needle = match.text.toLowerCase();
    if (needle.length === 0 || lower.length !== evidence.length) continue;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
      spans.push({ start: at, end: at + needle.length, ruleId: match.ruleId });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof spans = [];
  for (const span of spans) {
    const previous = kept[kept.length - 1];
    if (!previous || span.start >= previous.end) kept.push(span);
  }
  return kept;
}
