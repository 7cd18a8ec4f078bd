/** Route parameters and the per-request helpers the incident and evidence routes share. */
import { z } from "zod";
import { openEvidenceStore, type EvidenceStore } from "../evidence/evidence-store.js";
import type { AppServices } from "../platform/http/app-services.js";

export const incidentsBase = "/api/v1/schools/:schoolId/incidents";
export const SchoolParams = z.object({ schoolId: z.uuid({ error: "The school id must be a UUID" }) });
export const IncidentParams = SchoolParams.extend({
  incidentId: z.uuid({ error: "The incident id must be a UUID" }),
});
export const EvidenceParams = IncidentParams.extend({
  evidenceId: z.uuid({ error: "The evidence id must be a UUID" }),
});
export const ActionParams = IncidentParams.extend({
  actionId: z.uuid({ error: "The action id must be a UUID" }),
});
export const ReasonBody = z.object({
  reason: z.string({ error: "a reason is required" }).trim().min(3, "say why, in a few words").max(500),
});

/** The evidence store for this server (the key is loaded once and checked against its check value). */
export function evidenceStoreOf(services: AppServices): Promise<EvidenceStore> {
  return openEvidenceStore(services.database.db, services.config);
}
