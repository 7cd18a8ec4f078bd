/** Access beyond a role (requests and the SIRO's decisions) and the termly access review. */
import type {
  AccessDecisionInput,
  AccessRequestInput,
  AccessReviewReport,
} from "../../../src/contracts/access-governance.contract.js";
import { http } from "./client.js";

const school = (schoolId: string) => `/api/v1/schools/${encodeURIComponent(schoolId)}`;

export type AccessRequestStatus = "pending" | "approved" | "refused" | "withdrawn";

/** An access request as the API presents it. */
export interface AccessRequest {
  id: string;
  requester: { id: string; name: string; email: string };
  action: string;
  subject: string | null;
  reason: string;
  requestedUntil: string;
  status: AccessRequestStatus;
  createdAt: string;
  decision: { by: string | null; at: string; reason: string | null; grantedUntil: string | null } | null;
}

export interface AccessReviewSignOff {
  id: string;
  signed_at: string;
  report_sha256: string;
  note: string | null;
  reviewer: string;
}

export interface AccessReviewResponse {
  report: AccessReviewReport;
  reportSha256: string;
  signOffs: AccessReviewSignOff[];
}

export const accessApi = {
  requests: (schoolId: string) =>
    http.get<{ requests: AccessRequest[]; canDecide: boolean }>(`${school(schoolId)}/access-requests`),
  request: (schoolId: string, input: AccessRequestInput) =>
    http.post<AccessRequest>(`${school(schoolId)}/access-requests`, input),
  decide: (schoolId: string, requestId: string, input: AccessDecisionInput) =>
    http.post<AccessRequest>(`${school(schoolId)}/access-requests/${requestId}/decision`, input),
  withdraw: (schoolId: string, requestId: string) =>
    http.post<AccessRequest>(`${school(schoolId)}/access-requests/${requestId}/withdraw`),
  review: (schoolId: string) => http.get<AccessReviewResponse>(`${school(schoolId)}/access-review`),
  signOff: (schoolId: string, input: { reportSha256: string; note?: string }) =>
    http.post<{ id: string; reportSha256: string }>(`${school(schoolId)}/access-review/sign-off`, input),
};
