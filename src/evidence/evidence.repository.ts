/** Finds an item of evidence through its incident, so scope and staff-allegation visibility apply. */
import type { Kysely } from "kysely";
import type { Database, EvidenceTable, IncidentsTable } from "../db/schema.js";
import { getIncident } from "../incidents/incident.repository.js";
import type { IncidentViewer } from "../incidents/incident-visibility.js";
import { AppError } from "../platform/errors/app-error.js";
import type { SchoolScope } from "../schools/school-scope.js";

/** The evidence row and its incident; `not_found` when either is out of the viewer's sight. */
export async function getEvidence(
  db: Kysely<Database>,
  scope: SchoolScope,
  viewer: IncidentViewer,
  incidentId: string,
  evidenceId: string,
): Promise<{ incident: IncidentsTable; evidence: EvidenceTable }> {
  const incident = await getIncident(db, scope, viewer, incidentId);
  const evidence = await db
    .selectFrom("evidence")
    .selectAll()
    .where("id", "=", evidenceId)
    .where("incident_id", "=", incident.id)
    .executeTakeFirst();
  if (!evidence) throw new AppError("not_found", `Incident ${incidentId} has no evidence ${evidenceId}.`);
  return { incident, evidence };
}

/** The refusal for evidence marked as suspected CSAM: never shown, exported or bundled. */
export function csamRefusal(evidence: EvidenceTable): AppError {
  return new AppError(
    "evidence_locked",
    `Evidence ${evidence.id} is marked as suspected child sexual abuse material and is locked: Vigil never displays, exports or bundles it, for anyone.`,
    {
      hint: "It has been referred to the police; they take the device and the evidence. Do not copy or view it.",
    },
  );
}
