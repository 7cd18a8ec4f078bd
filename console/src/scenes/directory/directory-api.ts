/** The directory's endpoints as the console calls them. */
import type {
  DirectoryFormat,
  DirectoryImportReport,
  PupilSummary,
} from "../../../../src/contracts/directory.contract.js";
import { http } from "../../api/client.js";

const directory = (schoolId: string) => `/api/v1/schools/${encodeURIComponent(schoolId)}/directory`;

export const directoryApi = {
  importFiles: (
    schoolId: string,
    input: { format: DirectoryFormat; files: Record<string, string>; dryRun: boolean },
  ) => http.post<DirectoryImportReport>(`${directory(schoolId)}/import`, input),
  pupils: (schoolId: string, query: { q?: string; status?: string; cursor?: string }) =>
    http.get<{ pupils: PupilSummary[]; nextCursor: string | null }>(`${directory(schoolId)}/pupils`, query),
};
