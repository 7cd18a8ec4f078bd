/**
 * What needs doing: tasks past their due date and referrals whose follow-up is due. The
 * notifications area sends reminders from this query; the console shows it.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";
import { visibleIncidentIds, type IncidentViewer } from "./incident-visibility.js";

/**
 * Open tasks due before `today` and referral follow-ups due on or before it (dates as YYYY-MM-DD),
 * of the incidents `viewer` may see (an allegation against staff stays with the head).
 */
export async function findDueActions(
  db: Kysely<Database>,
  scope: SchoolScope,
  viewer: IncidentViewer,
  today = new Date().toISOString().slice(0, 10),
) {
  return db
    .selectFrom("incident_actions")
    .innerJoin("incidents", "incidents.id", "incident_actions.incident_id")
    .select([
      "incident_actions.id",
      "incident_actions.incident_id",
      "incident_actions.school_id",
      "incident_actions.kind",
      "incident_actions.description",
      "incident_actions.owner",
      "incident_actions.due_on",
      "incident_actions.agency",
      "incident_actions.reference",
      "incident_actions.follow_up_due_on",
    ])
    .where((eb) => schoolInScope(eb, "incident_actions.school_id", scope))
    .where("incident_actions.incident_id", "in", visibleIncidentIds(db, viewer))
    .where("incident_actions.completed_at", "is", null)
    .where((eb) =>
      eb.or([
        eb.and([eb("incident_actions.kind", "=", "task"), eb("incident_actions.due_on", "<", today)]),
        eb.and([
          eb("incident_actions.kind", "=", "referral"),
          eb("incident_actions.follow_up_due_on", "<=", today),
        ]),
      ]),
    )
    .orderBy("incident_actions.due_on")
    .execute();
}

/** True while `userName`'s internet access is withdrawn by an incident (until the end of `until_on`). */
export async function isInternetAccessWithdrawn(
  db: Kysely<Database>,
  schoolId: string,
  userName: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<boolean> {
  const row = await db
    .selectFrom("incident_actions")
    .select("id")
    .where("school_id", "=", schoolId)
    .where("kind", "=", "access-withdrawn")
    .where("reference", "=", userName)
    .where("until_on", ">=", today)
    .executeTakeFirst();
  return row !== undefined;
}
