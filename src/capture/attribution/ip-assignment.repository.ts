/** Storage of IP assignments: inserts in bounded statements, and the windows that cover a span of time. */
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { IpAssignment } from "../../contracts/ip-assignment.contract.js";
import type { EngineCapabilities } from "../../db/engine.js";
import type { Database, IpAssignmentsTable } from "../../db/schema.js";

export type IpAssignmentRow = Selectable<IpAssignmentsTable>;

const columnsPerRow = 9;

/** Stores `assignments` for `schoolId` inside the caller's transaction. */
export async function insertIpAssignments(
  trx: Kysely<Database>,
  capabilities: EngineCapabilities,
  schoolId: string,
  assignments: readonly IpAssignment[],
): Promise<void> {
  const createdAt = new Date().toISOString();
  const perStatement = Math.min(1_000, Math.floor(capabilities.maxBindParameters / columnsPerRow));
  for (let start = 0; start < assignments.length; start += perStatement) {
    const rows = assignments.slice(start, start + perStatement).map((assignment) => ({
      id: randomUUID(),
      school_id: schoolId,
      ip: assignment.ip,
      device: assignment.device ?? null,
      user_name: assignment.user ?? null,
      starts_at: assignment.startsAt,
      ends_at: assignment.endsAt ?? null,
      source: assignment.source,
      created_at: createdAt,
    }));
    await trx.insertInto("ip_assignments").values(rows).execute();
  }
}

/** Whether the school has any assignment at all (one step into the lookup index). */
export async function hasIpAssignments(db: Kysely<Database>, schoolId: string): Promise<boolean> {
  const found = await db
    .selectFrom("ip_assignments")
    .select("id")
    .where("school_id", "=", schoolId)
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

/**
 * The school's assignments of any of `ips` whose window overlaps `from`..`to` (both inclusive),
 * newest start first: the first that contains a time is the one that held the address then.
 */
export function findOverlappingAssignments(
  db: Kysely<Database>,
  schoolId: string,
  ips: readonly string[],
  from: string,
  to: string,
): Promise<IpAssignmentRow[]> {
  return db
    .selectFrom("ip_assignments")
    .selectAll()
    .where("school_id", "=", schoolId)
    .where("ip", "in", ips)
    .where("starts_at", "<=", to)
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", from)]))
    .orderBy("starts_at", "desc")
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}
