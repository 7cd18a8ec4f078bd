/** The dashboard's alert figures: today's by severity and category, the waiting queue, the 30-day trend. */
import type { Kysely } from "kysely";
import type { DashboardResponse } from "../../contracts/console.contract.js";
import { consoleLimits } from "../../contracts/console.contract.js";
import type { Database } from "../../db/schema.js";
import { schoolInScope, scopeOf } from "../../schools/school-scope.js";

type AlertSummary = NonNullable<DashboardResponse["alerts"]>;

/** How many of the oldest waiting alerts the dashboard lists by name. */
const QUEUE_PREVIEW = 5;

/** Start of the UTC day holding `now`, and of the day `days - 1` before it. */
export function dayStart(now: Date, daysBack = 0): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysBack));
}

/** Alert figures for one school. Days are UTC days. */
export async function findAlertSummary(
  db: Kysely<Database>,
  schoolId: string,
  now: Date,
): Promise<AlertSummary> {
  const scope = scopeOf([schoolId]);
  const todaySince = dayStart(now).toISOString();
  const trendSince = dayStart(now, consoleLimits.trendDays - 1).toISOString();

  const today = await db
    .selectFrom("alerts")
    .select(["severity", "categories"])
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .where("created_at", ">=", todaySince)
    .execute();

  const waiting = await db
    .selectFrom("alerts")
    .select((eb) => eb.fn.countAll<string | number>().as("count"))
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .where("status", "=", "new")
    .executeTakeFirstOrThrow();
  const oldest = await db
    .selectFrom("alerts")
    .select(["id", "severity", "categories", "first_seen"])
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .where("status", "=", "new")
    .orderBy("severity", "desc")
    .orderBy("first_seen", "asc")
    .limit(QUEUE_PREVIEW)
    .execute();

  const perDay = await db
    .selectFrom("alerts")
    .select((eb) => [
      eb.fn<string>("substr", ["created_at", eb.lit(1), eb.lit(10)]).as("day"),
      eb.fn.countAll<string | number>().as("count"),
    ])
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .where("created_at", ">=", trendSince)
    .groupBy("day")
    .execute();
  const countByDay = new Map(perDay.map((row) => [row.day, Number(row.count)]));

  return {
    todaySince,
    today: {
      total: today.length,
      bySeverity: tally(today.map((alert) => alert.severity))
        .map(([severity, count]) => ({ severity, count }))
        .sort((a, b) => b.severity - a.severity),
      byCategory: tally(today.flatMap((alert) => categoriesOf(alert.categories)))
        .map(([category, count]) => ({ category, count }))
        .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    },
    queue: {
      waiting: Number(waiting.count),
      oldest: oldest.map((alert) => ({
        id: alert.id,
        severity: alert.severity,
        categories: categoriesOf(alert.categories),
        firstSeen: alert.first_seen,
      })),
    },
    trend: Array.from({ length: consoleLimits.trendDays }, (_, index) => {
      const day = dayStart(now, consoleLimits.trendDays - 1 - index)
        .toISOString()
        .slice(0, 10);
      return { day, count: countByDay.get(day) ?? 0 };
    }),
  };
}

/** An alert's categories (stored as a JSON array). */
export function categoriesOf(stored: string): string[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === "string") : [];
}

function tally<K>(keys: K[]): [K, number][] {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts];
}
