/** Reads a school's devices, always within a school scope. */
import type { Kysely } from "kysely";
import type { DeviceSummary } from "../contracts/directory.contract.js";
import type { Database, DevicesTable } from "../db/schema.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";

const devicesListed = 1000;

/** The school's devices by name (at most a thousand). */
export async function findDevices(
  db: Kysely<Database>,
  scope: SchoolScope,
  schoolId: string,
): Promise<DeviceSummary[]> {
  const rows = await db
    .selectFrom("devices")
    .selectAll()
    .where("school_id", "=", schoolId)
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .orderBy("name")
    .limit(devicesListed)
    .execute();
  return rows.map(presentDevice);
}

/** One device of the school, or undefined. */
export async function findDevice(
  db: Kysely<Database>,
  scope: SchoolScope,
  schoolId: string,
  deviceId: string,
): Promise<DeviceSummary | undefined> {
  const row = await db
    .selectFrom("devices")
    .selectAll()
    .where("id", "=", deviceId)
    .where("school_id", "=", schoolId)
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .executeTakeFirst();
  return row ? presentDevice(row) : undefined;
}

function presentDevice(row: DevicesTable): DeviceSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    hostname: row.hostname,
    mac: row.mac,
    pupilId: row.pupil_id,
    staffId: row.staff_id,
  };
}
