/** Reads a school's routing and escalation policies. */
import type { Kysely, Selectable } from "kysely";
import type { PolicyView } from "../contracts/notification.contract.js";
import type { Database, NotificationPoliciesTable } from "../db/schema.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";

export type PolicyRow = Selectable<NotificationPoliciesTable>;

/** The policies in force (not removed) of the schools in scope, by name. */
export async function findPolicies(db: Kysely<Database>, scope: SchoolScope): Promise<PolicyRow[]> {
  return db
    .selectFrom("notification_policies")
    .selectAll()
    .where((eb) => schoolInScope(eb, "notification_policies.school_id", scope))
    .where("archived_at", "is", null)
    .orderBy("name")
    .execute();
}

/** One policy of a school (removed ones included, so an escalation in flight can see it ended). */
export async function findPolicy(
  db: Kysely<Database>,
  schoolId: string,
  policyId: string,
): Promise<PolicyRow | undefined> {
  return db
    .selectFrom("notification_policies")
    .selectAll()
    .where("school_id", "=", schoolId)
    .where("id", "=", policyId)
    .executeTakeFirst();
}

/** The chain of contact ids. */
export function chainOf(row: PolicyRow): string[] {
  return JSON.parse(row.chain) as string[];
}

/** The acknowledgement deadline in minutes for a severity. */
export function deadlineMinutes(row: PolicyRow, severity: number): number {
  const deadlines = JSON.parse(row.deadlines) as Record<string, number>;
  return deadlines[String(Math.min(5, Math.max(1, severity)))] ?? 60;
}

/**
 * True when the policy covers an alert of these categories, severity, age group and subject. A
 * policy naming age groups never covers an alert with none (someone the directory does not place):
 * a "primary DSL" policy must not be told about a member of staff or an unknown account. A policy
 * about staff covers only alerts whose user name the directory placed as a member of staff.
 */
export function policyMatches(
  row: PolicyRow,
  alert: { severity: number; categories: string[]; ageGroup: string | null; subjectKind?: string | null },
): boolean {
  if (row.enabled !== 1 || row.archived_at !== null) return false;
  if (alert.severity < row.min_severity) return false;
  if (row.about_staff === 1 && alert.subjectKind !== "staff") return false;
  const ageGroups = JSON.parse(row.age_groups) as string[];
  if (ageGroups.length > 0 && (alert.ageGroup === null || !ageGroups.includes(alert.ageGroup))) return false;
  const categories = JSON.parse(row.categories) as string[];
  return categories.length === 0 || categories.some((category) => alert.categories.includes(category));
}

/** The API shape of a policy. */
export function presentPolicy(row: PolicyRow): PolicyView {
  return {
    id: row.id,
    name: row.name,
    categories: JSON.parse(row.categories) as string[],
    ageGroups: JSON.parse(row.age_groups) as string[],
    aboutStaff: row.about_staff === 1,
    minSeverity: row.min_severity,
    atOnce: row.at_once === 1,
    chain: chainOf(row),
    deadlines: JSON.parse(row.deadlines) as Record<string, number>,
    enabled: row.enabled === 1,
    updatedAt: row.updated_at,
  };
}
