/** Settings: a school's ingest keys, the phrase library, and the school's changes to it. */
import type {
  IngestKeyCreated,
  IngestKeyList,
  PhraseLibraryView,
  RetentionView,
} from "../../../src/contracts/console-settings.contract.js";
import type { DetectionOverrideCreate } from "../../../src/contracts/detection-override.contract.js";
import { http } from "./client.js";

const school = (schoolId: string) => `/api/v1/schools/${encodeURIComponent(schoolId)}`;

/** One school change to the phrase library, as GET .../detection-overrides lists it. */
export interface DetectionOverrideView {
  id: string;
  kind: string;
  phrase: string | null;
  category: string | null;
  weight: number | null;
  severity: number | null;
  ruleId: string | null;
  site: string | null;
  user: string | null;
  reason: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export const settingsApi = {
  ingestKeys: (schoolId: string) => http.get<IngestKeyList>(`${school(schoolId)}/ingest-keys`),
  createIngestKey: (schoolId: string, name: string) =>
    http.post<IngestKeyCreated>(`${school(schoolId)}/ingest-keys`, { name }),
  revokeIngestKey: (schoolId: string, keyId: string) =>
    http.post<{ id: string }>(`${school(schoolId)}/ingest-keys/${keyId}/revoke`),
  phraseLibrary: (schoolId: string, query: { category?: string; q?: string }) =>
    http.get<PhraseLibraryView>(`${school(schoolId)}/phrase-library`, query),
  overrides: (schoolId: string) =>
    http.get<{ overrides: DetectionOverrideView[] }>(`${school(schoolId)}/detection-overrides`),
  createOverride: (schoolId: string, input: DetectionOverrideCreate) =>
    http.post<{ id: string }>(`${school(schoolId)}/detection-overrides`, input),
  revokeOverride: (schoolId: string, id: string, reason: string) =>
    http.post<{ id: string }>(`${school(schoolId)}/detection-overrides/${id}/revoke`, { reason }),
};

/** How long captured activity is kept (a server setting) and the school's last purge. */
export const retentionApi = {
  get: (schoolId: string) => http.get<RetentionView>(`${school(schoolId)}/retention`),
};
