/**
 * Attribution by address: an event that has an IP but no user (or no device) is given the user
 * and device of the assignment that held that IP at the event's time, for the event's school.
 * Only missing fields are filled: a user the proxy authenticated is never replaced, and the IP
 * is always kept.
 */
import type { Kysely, Selectable } from "kysely";
import type { Database, EventsTable } from "../../db/schema.js";
import {
  findOverlappingAssignments,
  hasIpAssignments,
  type IpAssignmentRow,
} from "./ip-assignment.repository.js";

export type Attribution = { user_name: string | null; device: string | null };

export type AttributableEvent = Pick<
  Selectable<EventsTable>,
  "id" | "school_id" | "ip" | "time" | "user_name" | "device"
>;

/** Addresses per lookup query, well inside every engine's placeholder limit. */
const ipsPerQuery = 500;

/** Who held `ip` at `time` in the school: the latest-starting assignment whose window contains it. */
export async function attributeEvent(
  db: Kysely<Database>,
  schoolId: string,
  ip: string,
  time: string,
): Promise<Attribution | undefined> {
  const [held] = await findOverlappingAssignments(db, schoolId, [ip.toLowerCase()], time, time);
  return held ? { user_name: held.user_name, device: held.device } : undefined;
}

/**
 * The fields to fill on each of `events`, by event id; events that have nothing to gain (no IP,
 * already attributed, no assignment at that time) are left out.
 */
export async function attributeEvents(
  db: Kysely<Database>,
  events: readonly AttributableEvent[],
): Promise<Map<string, Attribution>> {
  const fills = new Map<string, Attribution>();
  const wanting = events.filter(
    (event) => event.ip !== null && (event.user_name === null || event.device === null),
  );
  for (const [schoolId, ofSchool] of groupBy(wanting, (event) => event.school_id)) {
    // A school that keeps no leases (its proxy names the pupil) is asked once, not per address.
    if (!(await hasIpAssignments(db, schoolId))) continue;
    const ips = [...new Set(ofSchool.map((event) => (event.ip ?? "").toLowerCase()))];
    let from = ofSchool[0]?.time ?? "";
    let to = from;
    for (const { time } of ofSchool) {
      if (time < from) from = time;
      if (time > to) to = time;
    }
    const byIp = new Map<string, IpAssignmentRow[]>();
    for (let start = 0; start < ips.length; start += ipsPerQuery) {
      const found = await findOverlappingAssignments(
        db,
        schoolId,
        ips.slice(start, start + ipsPerQuery),
        from,
        to,
      );
      for (const [ip, held] of groupBy(found, (assignment) => assignment.ip)) byIp.set(ip, held);
    }
    for (const event of ofSchool) {
      const held = byIp
        .get((event.ip ?? "").toLowerCase())
        ?.find(
          (assignment) =>
            assignment.starts_at <= event.time &&
            (assignment.ends_at === null || assignment.ends_at > event.time),
        );
      if (!held) continue;
      const fill = {
        user_name: event.user_name === null ? held.user_name : null,
        device: event.device === null ? held.device : null,
      };
      if (fill.user_name !== null || fill.device !== null) fills.set(event.id, fill);
    }
  }
  return fills;
}

/** `event` as it reads once `fill` is stored. */
export function withAttribution<T extends AttributableEvent>(event: T, fill: Attribution | undefined): T {
  if (!fill) return event;
  return { ...event, user_name: event.user_name ?? fill.user_name, device: event.device ?? fill.device };
}

/**
 * Stores `fills` inside the caller's transaction. Each column is filled only while still empty,
 * so a repeat, or a worker and `vigil attribution apply` at once, cannot overwrite anything.
 */
export async function saveAttributions(
  trx: Kysely<Database>,
  fills: ReadonlyMap<string, Attribution>,
): Promise<void> {
  const groups = groupBy([...fills], ([, fill]) => JSON.stringify([fill.user_name, fill.device]));
  for (const entries of groups.values()) {
    const fill = entries[0]?.[1];
    if (!fill) continue;
    const ids = entries.map(([id]) => id);
    for (let start = 0; start < ids.length; start += 1_000) {
      await trx
        .updateTable("events")
        .set((eb) => ({
          ...(fill.user_name === null
            ? {}
            : { user_name: eb.fn.coalesce("user_name", eb.val(fill.user_name)) }),
          ...(fill.device === null ? {} : { device: eb.fn.coalesce("device", eb.val(fill.device)) }),
        }))
        .where("id", "in", ids.slice(start, start + 1_000))
        .execute();
    }
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
