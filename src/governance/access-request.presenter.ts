/** How an access request is shown: who asked for what and why, and what was decided. */
import type { AccessRequestRow } from "./access-request.repository.js";

/** The public shape of an access request. */
export function presentAccessRequest(row: AccessRequestRow) {
  return {
    id: row.id,
    schoolId: row.school_id,
    requester: { id: row.requester_id, name: row.requester_name, email: row.requester_email },
    action: row.action,
    subject: row.subject,
    reason: row.reason,
    requestedUntil: row.requested_until,
    status: row.status,
    createdAt: row.created_at,
    decision:
      row.decided_at === null
        ? null
        : {
            by: row.decider_name,
            at: row.decided_at,
            reason: row.decision_reason,
            grantedUntil: row.granted_until,
          },
  };
}
