/** Builders for directory tests: a pupil (through a real simple-CSV import) and a device. */
import { randomUUID } from "node:crypto";
import type { VigilDatabase } from "../../db/open-database.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { testActor } from "../../test-support/builders.js";
import { importDirectory } from "../import-directory.js";
import { normaliseIdentifier, type DirectorySnapshot } from "../import/directory-snapshot.js";

/**
 * Adds one active pupil to the school (a delta import, so nobody else leaves); returns its id.
 * `fields` may set the user name capture sees and the year group (default "7").
 */
export async function buildPupil(
  database: VigilDatabase,
  schoolId: string,
  fields: { username?: string; yearGroup?: string } = {},
): Promise<string> {
  const username = fields.username ?? `pupil-${randomUUID().slice(0, 8)}`;
  const snapshot: DirectorySnapshot = {
    format: "csv",
    full: false,
    orgs: [],
    ignored: 0,
    staff: [],
    devices: [],
    pupils: [
      {
        externalId: `username:${username}`,
        givenName: "Test",
        familyName: "Pupil",
        identifiers: [{ identifier: username, kind: "username" }],
        orgIds: undefined,
        leftOn: null,
        source: { file: "built", line: 2 },
        yearGroup: fields.yearGroup ?? "7",
        form: "7T",
        sen: false,
        eal: false,
        joinedOn: "2025-09-03",
      },
    ],
  };
  await inTransaction(database, { actor: testActor, ip: null }, (ctx) =>
    importDirectory(ctx, schoolId, snapshot),
  );
  const row = await database.db
    .selectFrom("pupils")
    .select("id")
    .where("school_id", "=", schoolId)
    .where("external_id", "=", `username:${username}`)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds a shared device to the school; returns its id. */
export async function buildDevice(database: VigilDatabase, schoolId: string): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await database.db
    .insertInto("devices")
    .values({
      id,
      school_id: schoolId,
      name: `LAB-${id.slice(0, 6)}`,
      kind: "shared",
      hostname: `lab-${id.slice(0, 6)}.elm.internal`,
      mac: null,
      pupil_id: null,
      staff_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Adds one active member of staff to the school (a delta import); returns their id. */
export async function buildStaff(
  database: VigilDatabase,
  schoolId: string,
  fields: { username?: string; role?: string } = {},
): Promise<string> {
  const username = fields.username ?? `staff-${randomUUID().slice(0, 8)}`;
  const snapshot: DirectorySnapshot = {
    format: "csv",
    full: false,
    orgs: [],
    ignored: 0,
    pupils: [],
    devices: [],
    staff: [
      {
        externalId: `username:${username}`,
        givenName: "Test",
        familyName: "Teacher",
        // As the import parsers store them: capture's names are compared lower-cased.
        identifiers: [{ identifier: normaliseIdentifier(username), kind: "username" }],
        orgIds: undefined,
        leftOn: null,
        source: { file: "built", line: 2 },
        email: null,
        role: fields.role ?? "teacher",
      },
    ],
  };
  await inTransaction(database, { actor: testActor, ip: null }, (ctx) =>
    importDirectory(ctx, schoolId, snapshot),
  );
  const row = await database.db
    .selectFrom("directory_staff")
    .select("id")
    .where("school_id", "=", schoolId)
    .where("external_id", "=", `username:${username}`)
    .executeTakeFirstOrThrow();
  return row.id;
}
