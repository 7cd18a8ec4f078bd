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
import type { AlertSignal } from "./alert-signal.js";

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

/**
 * Writes signals inside `trx` (the caller's transaction also marks their events processed).
 * Signals of one group are merged in memory first, so a burst of repeats costs one write.
 */
export async function recordAlerts(
  trx: Kysely<Database>,
  capabilities: EngineCapabilities,
  signals: readonly AlertSignal[],
): Promise<{ created: number; grouped: number }> {
  const groups = new Map<string, AlertSignal[]>();
  for (const signal of signals) {
    const key = alertGroupKey(signal);
    const group = groups.get(key);
    if (group) group.push(signal);
    else groups.set(key, [signal]);
  }
  const totals = { created: 0, grouped: 0 };
  for (const [groupKey, group] of groups) {
    group.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
    let run: AlertSignal[] = [];
    for (const signal of group) {
      const last = run[run.length - 1];
      if (last && Date.parse(signal.time) - Date.parse(last.time) > alertGroupWindowMs) {
        await writeRun(trx, capabilities, groupKey, run, totals);
        run = [];
      }
      run.push(signal);
    }
    await writeRun(trx, capabilities, groupKey, run, totals);
  }
  return totals;
}

/** Signals of one group within one window: join the open alert, or start one. */
async function writeRun(
  trx: Kysely<Database>,
  capabilities: EngineCapabilities,
  groupKey: string,
  run: readonly AlertSignal[],
  totals: { created: number; grouped: number },
): Promise<void> {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) return;
  const severity = Math.max(...run.map((signal) => signal.severity));
  const since = new Date(Date.parse(first.time) - alertGroupWindowMs).toISOString();
  const open = await lockRowsForUpdate(
    trx
      .selectFrom("alerts")
      .select(["id", "first_seen", "last_seen", "count", "severity"])
      .where("group_key", "=", groupKey)
      .where("status", "=", "new")
      .where("last_seen", ">=", since)
      .orderBy("last_seen", "desc")
      .limit(1),
    capabilities,
  ).executeTakeFirst();
  const now = new Date().toISOString();
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
    return;
  }
  await trx
    .insertInto("alerts")
    .values({
      id: randomUUID(),
      school_id: first.schoolId,
      status: "new",
      severity,
      categories: JSON.stringify(first.categories),
      explanation: JSON.stringify(first.explanation),
      evidence: first.evidence,
      url: first.url,
      user_name: first.userName,
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
}
