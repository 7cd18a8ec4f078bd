/**
 * The alert sink. A signal becomes a new alert, or, when the same school and person (or device)
 * set off the same rules within the grouping window, raises the existing alert's count instead,
 * so a pupil typing the same thing ten times makes one alert seen ten times.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { EngineCapabilities } from "../db/engine.js";
import { lockRowsForUpdate } from "../db/row-lock.js";
import type { Database } from "../db/schema.js";
import { ageGroupOfYearGroup, type AgeGroup } from "../directory/age-group.js";
import { normaliseIdentifier } from "../directory/import/directory-snapshot.js";
import type { AlertSignal } from "./alert-signal.js";
import { suppressionsCovering, suppressionsInForce, type SuppressionRule } from "./suppression-match.js";

/** Repeats this close to the alert's last sighting join it. */
export const alertGroupWindowMs = 60 * 60 * 1000;

/** The key that groups repeats: school, who (user, else device, else address), and the rule set. */
export function alertGroupKey(signal: AlertSignal): string {
  const who =
    signal.userName !== null
      ? `user:${signal.userName}`
      : signal.device !== null
        ? `device:${signal.device}`
        : `ip:${signal.ip ?? ""}`;
  return createHash("sha256")
    .update([signal.schoolId, who, ...signal.ruleIds].join("\u0000"))
    .digest("hex");
}

/** An alert this call created (`isNew`) or raised (a repeat joined it), for routing. */
export interface RecordedAlert {
  id: string;
  schoolId: string;
  isNew: boolean;
  severity: number;
  categories: string[];
  ruleIds: string[];
}

export interface RecordedAlerts {
  created: number;
  grouped: number;
  /** Signals dropped because every rule they fired is suppressed for their scope. */
  suppressed: number;
  alerts: RecordedAlert[];
}

/**
 * Writes signals inside `trx` (the caller's transaction also marks their events processed).
 * Signals of one group are merged in memory first, so a burst of repeats costs one write.
 */
export async function recordAlerts(
  trx: Kysely<Database>,
  capabilities: EngineCapabilities,
  signals: readonly AlertSignal[],
): Promise<RecordedAlerts> {
  const totals: RecordedAlerts = { created: 0, grouped: 0, suppressed: 0, alerts: [] };
  const kept = await dropSuppressed(trx, signals, totals);
  const subjects = await subjectsOf(trx, kept);
  const groups = new Map<string, AlertSignal[]>();
  for (const signal of kept) {
    const key = alertGroupKey(signal);
    const group = groups.get(key);
    if (group) group.push(signal);
    else groups.set(key, [signal]);
  }
  for (const [groupKey, group] of groups) {
    group.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    let run: AlertSignal[] = [];
    for (const signal of group) {
      const last = run[run.length - 1];
      if (last && Date.parse(signal.time) - Date.parse(last.time) > alertGroupWindowMs) {
        await writeRun(trx, capabilities, groupKey, run, totals, subjects);
        run = [];
      }
      run.push(signal);
    }
    await writeRun(trx, capabilities, groupKey, run, totals, subjects);
  }
  return totals;
}

/** Identifiers per lookup query: well under every engine's limit on bound parameters. */
const lookupChunk = 500;

/** The key of a person in the directory lookup: school and normalised user name. */
function personKey(schoolId: string, userName: string): string {
  return `${schoolId}\u0000${normaliseIdentifier(userName)}`;
}

/** Whom the directory places a user name as, when the alert is recorded. */
export type SubjectKind = "pupil" | "staff";

/** What the directory says about one person: their kind, and a pupil's age group. */
interface Subject {
  kind: SubjectKind;
  ageGroup: AgeGroup | null;
}

/**
 * Each signal's person as the directory knows them, in two queries for the whole batch (chunked
 * only past `lookupChunk` names). Only active people count: a leaver's account is no longer
 * theirs. Staff have no age group. A name that is both an active pupil's and an active staff
 * member's is marked staff (so a staff policy hears of it) and keeps the pupil's age group.
 */
async function subjectsOf(
  trx: Kysely<Database>,
  signals: readonly AlertSignal[],
): Promise<Map<string, Subject>> {
  const found = new Map<string, Subject>();
  const schoolIds = [...new Set(signals.map((signal) => signal.schoolId))];
  const names = [
    ...new Set(signals.flatMap((signal) => (signal.userName ? [normaliseIdentifier(signal.userName)] : []))),
  ];
  for (let start = 0; start < names.length; start += lookupChunk) {
    const chunk = names.slice(start, start + lookupChunk);
    const pupils = await trx
      .selectFrom("directory_identifiers")
      .innerJoin("pupils", "pupils.id", "directory_identifiers.person_id")
      .select(["directory_identifiers.school_id", "directory_identifiers.identifier", "pupils.year_group"])
      .where("directory_identifiers.school_id", "in", schoolIds)
      .where("directory_identifiers.person_kind", "=", "pupil")
      .where("directory_identifiers.identifier", "in", chunk)
      .where("pupils.status", "=", "active")
      .execute();
    for (const row of pupils) {
      found.set(personKey(row.school_id, row.identifier), {
        kind: "pupil",
        ageGroup: ageGroupOfYearGroup(row.year_group),
      });
    }
    const staff = await trx
      .selectFrom("directory_identifiers")
      .innerJoin("directory_staff", "directory_staff.id", "directory_identifiers.person_id")
      .select(["directory_identifiers.school_id", "directory_identifiers.identifier"])
      .where("directory_identifiers.school_id", "in", schoolIds)
      .where("directory_identifiers.person_kind", "=", "staff")
      .where("directory_identifiers.identifier", "in", chunk)
      .where("directory_staff.status", "=", "active")
      .execute();
    for (const row of staff) {
      const key = personKey(row.school_id, row.identifier);
      found.set(key, { kind: "staff", ageGroup: found.get(key)?.ageGroup ?? null });
    }
  }
  return found;
}

/**
 * Drops each signal whose every rule is suppressed for its scope, and counts it on the
 * suppressions that stopped it, so the suppression's row shows what it is hiding.
 */
async function dropSuppressed(
  trx: Kysely<Database>,
  signals: readonly AlertSignal[],
  totals: RecordedAlerts,
): Promise<AlertSignal[]> {
  const now = new Date().toISOString();
  const bySchool = new Map<string, SuppressionRule[]>();
  const hits = new Map<string, { count: number; last: string }>();
  const kept: AlertSignal[] = [];
  for (const signal of signals) {
    let suppressions = bySchool.get(signal.schoolId);
    if (!suppressions) {
      suppressions = await suppressionsInForce(trx, signal.schoolId, now);
      bySchool.set(signal.schoolId, suppressions);
    }
    const covering = suppressions.length === 0 ? null : suppressionsCovering(suppressions, signal);
    if (!covering) {
      kept.push(signal);
      continue;
    }
    totals.suppressed += 1;
    for (const id of new Set(covering.map((item) => item.id))) {
      const hit = hits.get(id);
      hits.set(id, {
        count: (hit?.count ?? 0) + 1,
        last: hit && hit.last > signal.time ? hit.last : signal.time,
      });
    }
  }
  for (const [id, hit] of hits) {
    await trx
      .updateTable("alert_suppressions")
      .set((eb) => ({
        suppressed_count: eb("suppressed_count", "+", hit.count),
        last_suppressed_at: hit.last,
      }))
      .where("id", "=", id)
      .execute();
  }
  return kept;
}

/** Signals of one group within one window: join the open alert, or start one. */
async function writeRun(
  trx: Kysely<Database>,
  capabilities: EngineCapabilities,
  groupKey: string,
  run: readonly AlertSignal[],
  totals: RecordedAlerts,
  subjects: ReadonlyMap<string, Subject>,
): Promise<void> {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) return;
  const severity = Math.max(...run.map((signal) => signal.severity));
  const since = new Date(Date.parse(first.time) - alertGroupWindowMs).toISOString();
  const open = await lockRowsForUpdate(
    trx
      .selectFrom("alerts")
      .select(["id", "first_seen", "last_seen", "count", "severity", "categories"])
      .where("group_key", "=", groupKey)
      // A repeat joins an alert still waiting for a decision; a closed one stays closed.
      .where("status", "in", ["new", "in-review"])
      .where("last_seen", ">=", since)
      .orderBy("last_seen", "desc")
      .limit(1),
    capabilities,
  ).executeTakeFirst();
  const now = new Date().toISOString();
  const subject =
    first.userName === null ? undefined : subjects.get(personKey(first.schoolId, first.userName));
  if (open) {
    await trx
      .updateTable("alerts")
      .set({
        count: open.count + run.length,
        last_seen: last.time > open.last_seen ? last.time : open.last_seen,
        first_seen: first.time < open.first_seen ? first.time : open.first_seen,
        severity: Math.max(open.severity, severity),
        last_event_id: last.eventId,
        updated_at: now,
      })
      .where("id", "=", open.id)
      .execute();
    totals.grouped += run.length;
    totals.alerts.push({
      id: open.id,
      schoolId: first.schoolId,
      isNew: false,
      severity: Math.max(open.severity, severity),
      categories: JSON.parse(open.categories) as string[],
      ruleIds: first.ruleIds,
    });
    return;
  }
  const id = randomUUID();
  await trx
    .insertInto("alerts")
    .values({
      id,
      school_id: first.schoolId,
      status: "new",
      severity,
      categories: JSON.stringify(first.categories),
      rule_ids: JSON.stringify(first.ruleIds),
      assignee_id: null,
      acknowledged_at: null,
      explanation: JSON.stringify(first.explanation),
      evidence: first.evidence,
      url: first.url,
      user_name: first.userName,
      age_group: subject?.ageGroup ?? null,
      subject_kind: subject?.kind ?? null,
      device: first.device,
      ip: first.ip,
      first_seen: first.time,
      last_seen: last.time,
      count: run.length,
      group_key: groupKey,
      first_event_id: first.eventId,
      last_event_id: last.eventId,
      created_by: first.createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
  totals.created += 1;
  totals.grouped += run.length - 1;
  totals.alerts.push({
    id,
    schoolId: first.schoolId,
    isNew: true,
    severity,
    categories: first.categories,
    ruleIds: first.ruleIds,
  });
}
