/** Reads incidents and their parts, always within the caller's school scope and visibility. */
import type { Kysely } from "kysely";
import type { Database, IncidentsTable } from "../db/schema.js";
import { AppError } from "../platform/errors/app-error.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";
import { visibleTo, type IncidentViewer } from "./incident-visibility.js";

export interface IncidentFilter {
  status?: string | undefined;
  type?: string | undefined;
  person?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Incidents the viewer may see in the schools in scope, newest incident first. */
export async function findIncidents(
  db: Kysely<Database>,
  scope: SchoolScope,
  viewer: IncidentViewer,
  filter: IncidentFilter = {},
): Promise<IncidentsTable[]> {
  let query = db
    .selectFrom("incidents")
    .selectAll("incidents")
    .where((eb) => schoolInScope(eb, "incidents.school_id", scope))
    .where((eb) => visibleTo(eb, viewer));
  if (filter.status) query = query.where("incidents.status", "=", filter.status);
  if (filter.type) query = query.where("incidents.type", "=", filter.type);
  if (filter.from) query = query.where("incidents.incident_date", ">=", filter.from);
  if (filter.to) query = query.where("incidents.incident_date", "<", `${filter.to}T99`);
  if (filter.person) {
    const person = filter.person.toLowerCase();
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("incident_people")
          .select("incident_people.id")
          .whereRef("incident_people.incident_id", "=", "incidents.id")
          .where((inner) =>
            inner.or([
              inner(inner.fn("lower", ["incident_people.name"]), "=", person),
              inner(inner.fn("lower", ["incident_people.user_name"]), "=", person),
            ]),
          ),
      ),
    );
  }
  return query.orderBy("incidents.incident_date", "desc").limit(500).execute();
}

/** One incident the viewer may see; `not_found` otherwise (an invisible one is not revealed). */
export async function getIncident(
  db: Kysely<Database>,
  scope: SchoolScope,
  viewer: IncidentViewer,
  incidentId: string,
): Promise<IncidentsTable> {
  const row = await db
    .selectFrom("incidents")
    .selectAll("incidents")
    .where("incidents.id", "=", incidentId)
    .where((eb) => schoolInScope(eb, "incidents.school_id", scope))
    .where((eb) => visibleTo(eb, viewer))
    .executeTakeFirst();
  if (!row) {
    throw new AppError("not_found", `There is no incident ${incidentId} that you can see.`, {
      hint: "Check the id in the incident log; allegations against staff are visible only to the head and whom the head names.",
    });
  }
  return row;
}

/** The incident's people, chronology (oldest first), actions, evidence (metadata) and alerts. */
export async function incidentParts(db: Kysely<Database>, incidentId: string) {
  const [people, timeline, actions, evidence, alerts] = await Promise.all([
    db
      .selectFrom("incident_people")
      .selectAll()
      .where("incident_id", "=", incidentId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("incident_timeline")
      .selectAll()
      .where("incident_id", "=", incidentId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("incident_actions")
      .selectAll()
      .where("incident_id", "=", incidentId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("evidence")
      .select([
        "id",
        "kind",
        "label",
        "media_type",
        "byte_size",
        "sha256",
        "graphic",
        "sensitive",
        "csam_locked_at",
        "created_by",
        "created_at",
      ])
      .where("incident_id", "=", incidentId)
      .orderBy("created_at")
      .execute(),
    db.selectFrom("incident_alerts").select("alert_id").where("incident_id", "=", incidentId).execute(),
  ]);
  return { people, timeline, actions, evidence, alertIds: alerts.map((row) => row.alert_id) };
}
