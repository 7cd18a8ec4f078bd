/** Alerts of one school: the triage queue, one alert, triage actions, suppressions and precision. */
import type {
  AlertBulkResult,
  AlertDetail,
  AlertQueuePage,
  RulePrecision,
  SuppressFromAlert,
} from "../../../src/contracts/alert.contract.js";
import { http } from "./client.js";

const school = (schoolId: string) => `/api/v1/schools/${encodeURIComponent(schoolId)}`;
const alert = (alertId: string) => `/api/v1/alerts/${encodeURIComponent(alertId)}`;

export interface QueueFilters {
  status?: string;
  minSeverity?: string;
  category?: string;
  ageGroup?: string;
  /** "true": only alerts about a member of staff; "false": only the others. */
  aboutStaff?: string;
  sort?: string;
  cursor?: string;
}

export const alertsApi = {
  queue: (schoolId: string, filters: QueueFilters) =>
    http.get<AlertQueuePage>(`${school(schoolId)}/alerts`, { ...filters }),
  detail: (alertId: string) => http.get<AlertDetail>(alert(alertId)),
  triage: (alertId: string, status: string, note?: string) =>
    http.post<{ id: string; from: string; to: string }>(`${alert(alertId)}/triage`, { status, note }),
  note: (alertId: string, note: string) => http.post<{ id: string }>(`${alert(alertId)}/notes`, { note }),
  suppress: (alertId: string, input: SuppressFromAlert) =>
    http.post<{ ids: string[] }>(`${alert(alertId)}/suppress`, input),
  bulkTriage: (schoolId: string, alertIds: string[], status: string) =>
    http.post<AlertBulkResult>(`${school(schoolId)}/alerts/bulk`, {
      alertIds,
      action: { kind: "triage", status },
    }),
  precision: (schoolId: string) => http.get<RulePrecision>(`${school(schoolId)}/rule-precision`),
};
