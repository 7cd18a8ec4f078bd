/**
 * What an import file says about a school, before it is compared with the directory: the pupils
 * and staff it lists, whether it is the full list (whoever is missing has left), and the orgs a
 * OneRoster bundle names.
 */
import type { DirectoryFormat } from "../../contracts/directory.contract.js";

/** A name capture may see for a person: `kind` says where it comes from (username, email, Google, ...). */
export interface PersonIdentifier {
  identifier: string;
  kind: string;
}

interface PersonRecord {
  externalId: string;
  givenName: string;
  familyName: string;
  identifiers: PersonIdentifier[];
  /** The orgs (OneRoster sourcedIds) the person belongs to; undefined when the file names none. */
  orgIds: string[] | undefined;
  /** Set when the file says the person has gone (status tobedeleted, or every enrolment ended). */
  leftOn: string | null;
  /** Where the person's row is, to name it in a problem. */
  source: { file: string; line: number };
}

export interface PupilRecord extends PersonRecord {
  yearGroup: string | null;
  form: string | null;
  /** Undefined when the file does not say (OneRoster carries no SEN or EAL flag). */
  sen: boolean | undefined;
  eal: boolean | undefined;
  joinedOn: string | null;
}

export interface StaffRecord extends PersonRecord {
  email: string | null;
  role: string;
}

/** A device row: `assignedTo` is an identifier of the pupil or member of staff who has it. */
export interface DeviceRecord {
  name: string;
  kind: "shared" | "assigned" | "personal";
  hostname: string | null;
  mac: string | null;
  assignedTo: string | null;
  source: { file: string; line: number };
}

export interface DirectorySnapshot {
  format: DirectoryFormat;
  /** True when the file lists everyone, so that anyone missing from it is a leaver. */
  full: boolean;
  orgs: { sourcedId: string; name: string }[];
  pupils: PupilRecord[];
  staff: StaffRecord[];
  devices: DeviceRecord[];
  /** Rows the directory does not keep (parents, guardians, relatives). */
  ignored: number;
}

/** Lower-cased and trimmed: capture compares identifiers without case. */
export function normaliseIdentifier(value: string): string {
  return value.trim().toLowerCase();
}
