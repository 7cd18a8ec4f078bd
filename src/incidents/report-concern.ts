/**
 * "Report a concern": any member of staff says who, what and when (and where, if online) in under
 * a minute. It becomes an open incident of type `concern-to-triage` for the safeguarding lead.
 */
import type { ConcernReport } from "../contracts/incident.contract.js";
import type { IncidentsTable } from "../db/schema.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { recordIncident } from "./record-incident.js";

/** Records the concern; returns the incident. */
export async function reportConcern(
  ctx: WriteContext,
  schoolId: string,
  concern: ConcernReport,
): Promise<IncidentsTable> {
  const firstLine = concern.what.split("\n")[0] ?? concern.what;
  return recordIncident(
    ctx,
    schoolId,
    {
      type: "concern-to-triage",
      incidentDate: concern.when,
      summary: firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine,
      description: concern.what,
      informationClassification: "none",
      people: [
        { kind: concern.whoKind, involvement: "subject", name: concern.who },
        { kind: "staff", involvement: "reporter", name: ctx.actor.label },
      ],
      websites: concern.url ? [concern.url] : [],
    },
    "concern",
  );
}
