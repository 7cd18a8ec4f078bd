/** The console's everyday reads for one school: dashboard, activity, search, pupils and devices. */
import type {
  ActivityFilter,
  ActivityPage,
  DashboardResponse,
  SearchResponse,
  SubjectSummary,
} from "../../../src/contracts/console.contract.js";
import { http, withQuery } from "./client.js";

const school = (schoolId: string) => `/api/v1/schools/${encodeURIComponent(schoolId)}`;

export const schoolDataApi = {
  dashboard: (schoolId: string) => http.get<DashboardResponse>(`${school(schoolId)}/dashboard`),
  activity: (schoolId: string, filter: ActivityFilter, cursor?: string) =>
    http.get<ActivityPage>(`${school(schoolId)}/activity`, { ...filter, cursor }),
  /** The CSV export's address (a download link, so the browser streams it to a file). */
  activityCsvUrl: (schoolId: string, filter: ActivityFilter) =>
    withQuery(`${school(schoolId)}/activity.csv`, filter),
  search: (schoolId: string, q: string) => http.get<SearchResponse>(`${school(schoolId)}/search`, { q }),
  pupil: (schoolId: string, name: string) =>
    http.get<SubjectSummary>(`${school(schoolId)}/pupils/${encodeURIComponent(name)}`),
  device: (schoolId: string, name: string) =>
    http.get<SubjectSummary>(`${school(schoolId)}/devices/${encodeURIComponent(name)}`),
};
