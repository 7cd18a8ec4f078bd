/** Monitoring holds: what an investigation keeps from retention, and releasing a hold. */
import type { MonitoringHoldRelease } from "../../../src/contracts/monitoring-hold.contract.js";
import { http } from "./client.js";

const holds = (schoolId: string) => `/api/v1/schools/${encodeURIComponent(schoolId)}/monitoring-holds`;

export interface MonitoringHold {
  id: string;
  incident_id: string;
  device: string | null;
  user_name: string | null;
  reason: string;
  created_by: string;
  created_at: string;
  released_at: string | null;
  released_by: string | null;
  release_reason: string | null;
}

export const monitoringHoldsApi = {
  /** One incident's holds, those released included, oldest first. */
  forIncident: (schoolId: string, incidentId: string) =>
    http.get<{ holds: MonitoringHold[] }>(holds(schoolId), { include: "released", incidentId }),
  release: (schoolId: string, holdId: string, input: MonitoringHoldRelease) =>
    http.post<{ hold: MonitoringHold }>(`${holds(schoolId)}/${encodeURIComponent(holdId)}/release`, input),
};
