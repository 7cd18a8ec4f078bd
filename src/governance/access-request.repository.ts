/** Reads access requests, always within a school or for one person. */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { isAction, type Action } from "../platform/authz/actions.js";

/** Approved, unexpired access per school for `userId`: what load-principal adds to their roles. */
export async function activeGrants(
  db: Kysely<Database>,
  userId: string,
  now = new Date(),
): Promise<Map<string, Action[]>> {
  const rows = await db
    .selectFrom("access_requests")
    .select(["school_id", "action"])
    .where("requester_id", "=", userId)
    .where("status", "=", "approved")
    .where("granted_until", ">", now.toISOString())
    .execute();
  const grants = new Map<string, Action[]>();
  for (const row of rows) {
    if (!isAction(row.action)) continue; // an action this version no longer knows grants nothing
    grants.set(row.school_id, [...(grants.get(row.school_id) ?? []), row.action]);
  }
  return grants;
}

/** The school's requests with who asked and who decided, newest first. */
function requestsQuery(db: Kysely<Database>, schoolId: string) {
  return db
    .selectFrom("access_requests")
    .innerJoin("users as requester", "requester.id", "access_requests.requester_id")
    .leftJoin("users as decider", "decider.id", "access_requests.decided_by")
    .selectAll("access_requests")
    .select(["requester.display_name as requester_name", "requester.email as requester_email"])
    .select("decider.display_name as decider_name")
    .where("access_requests.school_id", "=", schoolId)
    .orderBy("access_requests.created_at", "desc")
    .orderBy("access_requests.id");
}

/** Up to 500 of the school's requests, optionally of one status or one requester. */
export async function findAccessRequests(
  db: Kysely<Database>,
  schoolId: string,
  options: { status?: string; requesterId?: string } = {},
) {
  let query = requestsQuery(db, schoolId);
  if (options.status) query = query.where("access_requests.status", "=", options.status);
  if (options.requesterId) query = query.where("access_requests.requester_id", "=", options.requesterId);
  return query.limit(500).execute();
}

export type AccessRequestRow = Awaited<ReturnType<typeof findAccessRequests>>[number];

/** One request, if it belongs to the school. */
export async function findAccessRequest(
  db: Kysely<Database>,
  schoolId: string,
  requestId: string,
): Promise<AccessRequestRow | undefined> {
  return requestsQuery(db, schoolId).where("access_requests.id", "=", requestId).executeTakeFirst();
}

/** Which school a request belongs to (to authorize before loading it), if it exists. */
export async function schoolOfAccessRequest(db: Kysely<Database>, requestId: string) {
  const row = await db
    .selectFrom("access_requests")
    .select("school_id")
    .where("id", "=", requestId)
    .executeTakeFirst();
  return row?.school_id;
}
