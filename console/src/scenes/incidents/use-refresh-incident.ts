/** Reloads an incident after a change, so its page (the chronology above all) shows the change. */
import { useQueryClient } from "@tanstack/react-query";
import { useSchool } from "../../hooks/use-school.js";

/** A function that reloads the incident's page data. */
export function useRefreshIncident(incidentId: string): () => Promise<void> {
  const client = useQueryClient();
  const { schoolId } = useSchool();
  return () => client.invalidateQueries({ queryKey: ["incident", schoolId, incidentId] });
}
