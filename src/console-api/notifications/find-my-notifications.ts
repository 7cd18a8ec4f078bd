/**
 * What needs one person now in one school, for the bell in the console's header. Each kind is
 * asked only when the person's abilities let them deal with it, and the answer is counts (plus a
 * few assigned alerts by id, severity and category), so it shows nothing about a pupil that the
 * alert queue would not.
 */
import type { Kysely } from "kysely";
import { OPEN_ALERT_STATUSES } from "../../contracts/alert.contract.js";
import type { NotificationKind, NotificationsResponse } from "../../contracts/console.contract.js";
import type { Database } from "../../db/schema.js";
import { isAccessReviewDue } from "../../governance/build-access-review.js";
import { findDueActions } from "../../incidents/due-actions.js";
import { viewerOf } from "../../incidents/incident-visibility.js";
import { can } from "../../platform/authz/authorize.js";
import type { Principal } from "../../platform/authz/principal.js";
import { schoolInScope, scopeOf } from "../../schools/school-scope.js";
import { categoriesOf } from "../dashboard/alert-summary.js";
import { findSourceStatuses } from "../dashboard/quiet-sources.js";

/** New alerts at this severity or above are everyone's business who may see alerts. */
export const SEVERE_FROM = 4;
/** How many assigned alerts the menu lists one by one. */
const ASSIGNED_PREVIEW = 3;

type Counts = Partial<Record<NotificationKind, number>>;

/** The notifications of `principal` (a signed-in person) in `schoolId` at `now`. */
export async function findMyNotifications(
  db: Kysely<Database>,
  principal: Extract<Principal, { kind: "user" }>,
  schoolId: string,
  now: Date,
): Promise<NotificationsResponse> {
  const allowed = (action: Parameters<typeof can>[1]) => can(principal, action, { schoolId });
  const counts: Counts = {};
  let assignedAlerts: NotificationsResponse["assignedAlerts"] = [];

  if (allowed("alerts.read")) {
    const assigned = await openAlerts(db, schoolId)
      .where("assignee_id", "=", principal.userId)
      .select(["id", "severity", "categories"])
      .orderBy("severity", "desc")
      .orderBy("first_seen", "asc")
      .execute();
    counts["alerts-assigned"] = assigned.length;
    assignedAlerts = assigned.slice(0, ASSIGNED_PREVIEW).map((alert) => ({
      id: alert.id,
      severity: alert.severity,
      categories: categoriesOf(alert.categories),
    }));
    const severe = await openAlerts(db, schoolId)
      .where("status", "=", "new")
      .where("severity", ">=", SEVERE_FROM)
      .select((eb) => eb.fn.countAll<string | number>().as("count"))
      .executeTakeFirstOrThrow();
    counts["alerts-severe-waiting"] = Number(severe.count);
  }

  if (allowed("incidents.read")) {
    const today = now.toISOString().slice(0, 10);
    const due = await findDueActions(db, scopeOf([schoolId]), viewerOf(principal), today);
    const me = await db
      .selectFrom("users")
      .select(["display_name", "email"])
      .where("id", "=", principal.userId)
      .executeTakeFirst();
    // A task's owner is free text: it is "mine" when it names me by name or email address.
    const myNames = new Set(
      [me?.display_name, me?.email].filter((name): name is string => Boolean(name)).map(normal),
    );
    counts["incident-tasks-overdue"] = due.filter(
      (action) => action.kind === "task" && action.owner !== null && myNames.has(normal(action.owner)),
    ).length;
    // Referrals have no owner: their follow-up is for everyone who manages the incident.
    counts["referral-follow-ups-due"] = due.filter((action) => action.kind === "referral").length;
  }

  if (allowed("access.approve")) {
    const waiting = await db
      .selectFrom("access_requests")
      .select((eb) => eb.fn.countAll<string | number>().as("count"))
      .where("school_id", "=", schoolId)
      .where("status", "=", "pending")
      // Nobody decides their own request, so their own is not waiting for them.
      .where("requester_id", "!=", principal.userId)
      .executeTakeFirstOrThrow();
    counts["access-requests-waiting"] = Number(waiting.count);
  }

  if (allowed("access.review")) {
    counts["access-review-due"] = (await isAccessReviewDue(db, schoolId, now)) ? 1 : 0;
  }

  // A silent source is a gap in cover; those who manage the school's senders can mend it.
  if (allowed("api-tokens.manage")) {
    const sources = await findSourceStatuses(db, schoolId, now);
    counts["sources-quiet"] = sources.filter((source) => source.quiet).length;
  }

  const items = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => ({ kind: kind as NotificationKind, count }));
  return {
    schoolId,
    generatedAt: now.toISOString(),
    total: items.reduce((sum, item) => sum + item.count, 0),
    items,
    assignedAlerts,
  };
}

function openAlerts(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom("alerts")
    .where((eb) => schoolInScope(eb, "school_id", scopeOf([schoolId])))
    .where("status", "in", [...OPEN_ALERT_STATUSES]);
}

function normal(name: string): string {
  return name.trim().toLowerCase();
}
