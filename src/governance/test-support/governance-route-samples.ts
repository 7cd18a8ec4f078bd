/** Sample requests for the role-route matrix: one valid request per access governance route. */
import { randomUUID } from "node:crypto";
import type { InjectOptions } from "fastify";
import type { VigilDatabase } from "../../db/open-database.js";
import { buildUser } from "../../identity/test-support/identity-builders.js";
import type { Role } from "../../identity/roles.js";
import { roleAbilities } from "../../platform/authz/policy-table.js";
import { buildAccessReview } from "../build-access-review.js";
import { requestableActions } from "../requestable-actions.js";
import { accessReviewHash } from "../sign-off-access-review.js";

type Sample = (
  database: VigilDatabase,
  schoolId: string,
  caller: { userId: string; role: Role },
) => Promise<InjectOptions>;

const inAMonth = () => new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString();

/** A pending request written directly (the matrix tests the routes, not this). */
export async function insertAccessRequest(
  database: VigilDatabase,
  input: { schoolId: string; requesterId: string; action?: string; status?: string },
): Promise<string> {
  const id = randomUUID();
  await database.db
    .insertInto("access_requests")
    .values({
      id,
      school_id: input.schoolId,
      requester_id: input.requesterId,
      action: input.action ?? "browsing.read",
      subject: null,
      reason: "to follow up a concern about a pupil",
      requested_until: inAMonth(),
      status: input.status ?? "pending",
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

export const governanceRouteSamples: Record<string, Sample> = {
  "POST /api/v1/schools/:schoolId/access-requests": (_db, schoolId, caller) => {
    // Something the caller's role does not already allow (asking for that is refused).
    const action = requestableActions.find((candidate) => !roleAbilities[caller.role].includes(candidate));
    return Promise.resolve({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/access-requests`,
      payload: { action, reason: "covering for the safeguarding lead this week", until: inAMonth() },
    });
  },
  "GET /api/v1/schools/:schoolId/access-requests": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/access-requests` }),
  "POST /api/v1/schools/:schoolId/access-requests/:requestId/decision": async (db, schoolId) => {
    const { userId } = await buildUser(db, { schoolId, role: "teacher" });
    const id = await insertAccessRequest(db, { schoolId, requesterId: userId });
    return {
      method: "POST",
      url: `/api/v1/schools/${schoolId}/access-requests/${id}/decision`,
      payload: { decision: "approve", reason: "agreed with the head for this case" },
    };
  },
  "POST /api/v1/schools/:schoolId/access-requests/:requestId/withdraw": async (db, schoolId, caller) => {
    const id = await insertAccessRequest(db, { schoolId, requesterId: caller.userId });
    return { method: "POST", url: `/api/v1/schools/${schoolId}/access-requests/${id}/withdraw` };
  },
  "GET /api/v1/schools/:schoolId/access-review": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/access-review` }),
  "POST /api/v1/schools/:schoolId/access-review/sign-off": async (db, schoolId) => ({
    method: "POST",
    url: `/api/v1/schools/${schoolId}/access-review/sign-off`,
    payload: { reportSha256: accessReviewHash(await buildAccessReview(db.db, schoolId)) },
  }),
};
