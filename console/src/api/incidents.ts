/** The incident log of one school: incidents, concerns, chronology, actions, evidence, letters. */
import type {
  ConcernReport,
  IncidentActionCreate,
  TimelineEntryCreate,
} from "../../../src/contracts/incident.contract.js";
import { http } from "./client.js";

const school = (schoolId: string) => `/api/v1/schools/${encodeURIComponent(schoolId)}`;

export interface IncidentRow {
  id: string;
  type: string;
  status: string;
  incident_date: string;
  summary: string;
  description: string;
  information_classification: string;
  device: string | null;
  websites: string[];
  immediate_action: string | null;
  further_action: string | null;
  legal_implications: string | null;
  staff_allegation: boolean;
  reported_by: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface IncidentDetail {
  incident: IncidentRow;
  people: { id: string; kind: string; involvement: string; name: string | null; user_name: string | null }[];
  timeline: {
    id: string;
    kind: string;
    body: string;
    created_by: string;
    created_at: string;
    corrects_entry_id: string | null;
  }[];
  actions: {
    id: string;
    kind: string;
    description: string;
    owner: string | null;
    due_on: string | null;
    agency: string | null;
    reference: string | null;
    happened_on: string | null;
    follow_up_due_on: string | null;
    until_on: string | null;
    completed_at: string | null;
  }[];
  evidence: {
    id: string;
    kind: string;
    label: string;
    media_type: string;
    byte_size: number;
    sha256: string;
    graphic: number;
    csam_locked_at: string | null;
  }[];
  alertIds: string[];
}

export interface IncidentFilter {
  status?: string;
  type?: string;
  person?: string;
  from?: string;
  to?: string;
}

export const incidentsApi = {
  list: (schoolId: string, filter: IncidentFilter) =>
    http.get<{ incidents: IncidentRow[] }>(`${school(schoolId)}/incidents`, { ...filter }),
  types: (schoolId: string) =>
    http.get<{ types: { id: string; label: string; builtIn: boolean }[] }>(
      `${school(schoolId)}/incident-types`,
    ),
  show: (schoolId: string, incidentId: string) =>
    http.get<IncidentDetail>(`${school(schoolId)}/incidents/${incidentId}`),
  report: (schoolId: string, concern: ConcernReport) =>
    http.post<{ id: string; message: string }>(`${school(schoolId)}/concerns`, concern),
  addEntry: (schoolId: string, incidentId: string, entry: TimelineEntryCreate) =>
    http.post<{ id: string }>(`${school(schoolId)}/incidents/${incidentId}/timeline`, entry),
  addAction: (schoolId: string, incidentId: string, action: IncidentActionCreate) =>
    http.post<{ id: string }>(`${school(schoolId)}/incidents/${incidentId}/actions`, action),
  close: (schoolId: string, incidentId: string, outcome: string) =>
    http.post<{ status: string }>(`${school(schoolId)}/incidents/${incidentId}/close`, { outcome }),
  letter: (
    schoolId: string,
    incidentId: string,
    input: { parentName: string; pupilName: string; sentOn?: string },
  ) =>
    http.post<{ text: string }>(`${school(schoolId)}/incidents/${incidentId}/letter`, {
      ...input,
      format: "text",
    }),
  /** Raises alerts to a new incident; their evidence is carried over, encrypted. */
  raiseFromAlerts: (schoolId: string, input: { alertIds: string[]; type: string; summary: string }) =>
    http.post<{ id: string }>(`${school(schoolId)}/incidents/from-alerts`, input),
  /** The letter as a PDF; with `sentOn`, its sending is recorded on the chronology. */
  letterPdf: (
    schoolId: string,
    incidentId: string,
    input: { parentName: string; pupilName: string; sentOn?: string },
  ) => http.postForFile(`${school(schoolId)}/incidents/${incidentId}/letter`, { ...input, format: "pdf" }),
  viewEvidence: (schoolId: string, incidentId: string, evidenceId: string, reason: string) =>
    http.post<{ mediaType: string; graphic: boolean; sha256: string; contentBase64: string }>(
      `${school(schoolId)}/incidents/${incidentId}/evidence/${evidenceId}/view`,
      { reason },
    ),
};
