/**
 * Who may see which incident. An allegation against staff (a member of staff as subject) is
 * visible only to the school's head and the people the head names; this is enforced here, in the
 * queries, so no route can forget it. The operator at the shell sees everything (they hold the database).
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { Database } from "../db/schema.js";
import type { Principal } from "../platform/authz/principal.js";

export type IncidentViewer =
  { kind: "operator" } | { kind: "user"; userId: string; label: string; headOf: readonly string[] };

/** The viewer for a signed-in principal. */
export function viewerOf(principal: Principal): IncidentViewer {
  if (principal.kind !== "user") return { kind: "user", userId: "", label: "nobody", headOf: [] };
  return {
    kind: "user",
    userId: principal.userId,
    label: principal.label,
    headOf: principal.schools
      .filter((school) => school.roles.includes("head"))
      .map((school) => school.schoolId),
  };
}

/** The condition on `incidents` that keeps staff allegations to the head and named people. */
export function visibleTo(
  eb: ExpressionBuilder<Database, "incidents">,
  viewer: IncidentViewer,
): Expression<SqlBool> {
  if (viewer.kind === "operator") return sql<SqlBool>`1 = 1`;
  const named = eb.exists(
    eb
      .selectFrom("incident_viewers")
      .select("incident_viewers.user_id")
      .whereRef("incident_viewers.incident_id", "=", "incidents.id")
      .where("incident_viewers.user_id", "=", viewer.userId),
  );
  const ors = [eb("incidents.staff_allegation", "=", 0), named];
  if (viewer.headOf.length > 0) ors.push(eb("incidents.school_id", "in", [...viewer.headOf]));
  return eb.or(ors);
}

/** The ids of the incidents `viewer` may see, as a subquery for tables that belong to incidents. */
export function visibleIncidentIds(db: Kysely<Database>, viewer: IncidentViewer) {
  return db
    .selectFrom("incidents")
    .select("incidents.id")
    .where((eb) => visibleTo(eb, viewer));
}
