/**
 * Reads a OneRoster 1.1 CSV bundle (manifest.csv, orgs.csv, users.csv, and classes.csv with
 * enrollments.csv for forms) into a snapshot of pupils and staff. Pure: no database. Every bad
 * row is named by file, line and column, and any problem refuses the whole bundle.
 */
import { checkDuplicateIdentifiers } from "./duplicate-identifiers.js";
import { emailCell, optionalTextCell, textCell } from "./cell-checks.js";
import { readCsvTable, type CsvTable } from "./csv-table.js";
import {
  normaliseIdentifier,
  type DirectorySnapshot,
  type PersonIdentifier,
  type PupilRecord,
  type StaffRecord,
} from "./directory-snapshot.js";
import { ImportProblems } from "./import-problems.js";
import { readEnrolments, type Enrolments } from "./oneroster-enrolments.js";

const hint =
  "A OneRoster 1.1 CSV bundle needs manifest.csv, orgs.csv and users.csv (classes.csv and enrollments.csv " +
  "for forms), each with the header row the specification names.";

/** OneRoster roles the directory keeps, and those it leaves out on purpose (it holds no family data). */
const pupilRoles = new Set(["student"]);
const staffRoles = new Set(["teacher", "administrator", "aide", "proctor"]);
const ignoredRoles = new Set(["guardian", "parent", "relative"]);
const statuses = new Set(["", "active", "tobedeleted"]);

/** The snapshot the bundle describes; `today` (YYYY-MM-DD) decides which end dates have passed. */
export function readOneRosterBundle(
  files: Readonly<Record<string, string>>,
  today: string,
): DirectorySnapshot {
  const problems = new ImportProblems();
  const byName = new Map(Object.entries(files).map(([name, text]) => [baseName(name), text]));
  const table = (file: string, required: readonly string[]): CsvTable | undefined => {
    const text = byName.get(file);
    if (text === undefined) return undefined;
    return readCsvTable(file, text, required, problems);
  };
  for (const file of ["manifest.csv", "orgs.csv", "users.csv"]) {
    if (!byName.has(file)) problems.add(file, 0, "", "the bundle has no such file; it is required");
  }
  const manifest = table("manifest.csv", ["propertyName", "value"]);
  const full = readManifest(manifest, byName, problems);
  const orgs = readOrgs(table("orgs.csv", ["sourcedId", "name", "type"]), problems);
  const users = table("users.csv", ["sourcedId", "role", "username", "givenName", "familyName"]);
  const classes = table("classes.csv", ["sourcedId", "title", "classType"]);
  const enrollments = table("enrollments.csv", ["sourcedId", "classSourcedId", "userSourcedId", "role"]);
  if (enrollments && !classes) problems.add("classes.csv", 0, "", "enrollments.csv needs classes.csv too");

  const snapshot: DirectorySnapshot = {
    format: "oneroster",
    full,
    orgs,
    pupils: [],
    staff: [],
    devices: [],
    ignored: 0,
  };
  if (users) {
    const userIds = new Set(users.rows.map((row) => row.cell("sourcedId")));
    const enrolments = readEnrolments(classes, enrollments, userIds, today, problems);
    readUsers(users, enrolments, today, snapshot, problems);
  }
  checkDuplicateIdentifiers([...snapshot.pupils, ...snapshot.staff], problems);
  problems.refuseIfAny(hint);
  return snapshot;
}

function baseName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).trim();
}

/** Whether users.csv is the full list (`bulk`); a delta says only who changed. */
function readManifest(
  manifest: CsvTable | undefined,
  files: ReadonlyMap<string, string>,
  problems: ImportProblems,
): boolean {
  if (!manifest) return true;
  const properties = new Map(manifest.rows.map((row) => [row.cell("propertyName"), row]));
  const version = properties.get("oneroster.version");
  if (!version)
    problems.add("manifest.csv", 0, "oneroster.version", "the manifest must say oneroster.version");
  else if (version.cell("value") !== "1.1") {
    problems.add(
      "manifest.csv",
      version.line,
      "value",
      `oneroster.version is "${version.cell("value")}"; Vigil reads 1.1`,
    );
  }
  for (const [property, row] of properties) {
    if (!property.startsWith("file.")) continue;
    const mode = row.cell("value");
    const file = `${property.slice("file.".length)}.csv`;
    if (!["bulk", "delta", "absent"].includes(mode)) {
      problems.add(
        "manifest.csv",
        row.line,
        "value",
        `${property} must be bulk, delta or absent, not "${mode}"`,
      );
    } else if (
      mode !== "absent" &&
      ["orgs.csv", "users.csv", "classes.csv", "enrollments.csv"].includes(file)
    ) {
      if (!files.has(file))
        problems.add("manifest.csv", row.line, "value", `${property} is ${mode} but ${file} is missing`);
    }
  }
  return properties.get("file.users")?.cell("value") !== "delta";
}

function readOrgs(orgs: CsvTable | undefined, problems: ImportProblems): DirectorySnapshot["orgs"] {
  if (!orgs) return [];
  const found: DirectorySnapshot["orgs"] = [];
  for (const row of orgs.rows) {
    const sourcedId = textCell(row, "orgs.csv", "sourcedId", problems);
    const name = textCell(row, "orgs.csv", "name", problems);
    if (sourcedId && name) found.push({ sourcedId, name });
  }
  if (orgs.rows.length === 0) problems.add("orgs.csv", 0, "", "orgs.csv lists no org");
  return found;
}

function readUsers(
  users: CsvTable,
  enrolments: Enrolments,
  today: string,
  snapshot: DirectorySnapshot,
  problems: ImportProblems,
): void {
  const file = "users.csv";
  const seen = new Map<string, number>();
  for (const row of users.rows) {
    const externalId = textCell(row, file, "sourcedId", problems);
    const earlier = seen.get(externalId);
    if (earlier !== undefined)
      problems.add(file, row.line, "sourcedId", `duplicate sourcedId: line ${earlier} has it too`);
    seen.set(externalId, row.line);
    const status = row.cell("status");
    if (!statuses.has(status))
      problems.add(file, row.line, "status", `unknown status "${status}": use active or tobedeleted`);
    const role = row.cell("role");
    if (ignoredRoles.has(role)) {
      snapshot.ignored += 1;
      continue;
    }
    if (!pupilRoles.has(role) && !staffRoles.has(role)) {
      problems.add(
        file,
        row.line,
        "role",
        `unknown role "${role}": use student, teacher, administrator, aide or proctor`,
      );
      continue;
    }
    const email = emailCell(row, file, "email", problems);
    const enrolment = enrolments.get(externalId);
    const leftOn = status === "tobedeleted" ? today : (enrolment?.endedOn ?? null);
    const person = {
      externalId,
      givenName: textCell(row, file, "givenName", problems),
      familyName: textCell(row, file, "familyName", problems),
      identifiers: identifiersOf(row.cell("username"), row.cell("userIds"), email, row.line, problems),
      orgIds: row.cell("orgSourcedIds") === "" ? undefined : splitList(row.cell("orgSourcedIds")),
      leftOn,
      source: { file, line: row.line },
    };
    if (pupilRoles.has(role)) {
      const pupil: PupilRecord = {
        ...person,
        yearGroup: splitList(row.cell("grades"))[0] ?? enrolment?.yearGroup ?? null,
        form: enrolment?.form ?? null,
        sen: undefined,
        eal: undefined,
        joinedOn: enrolment?.beganOn ?? null,
      };
      optionalTextCell(row, file, "grades", problems, 50);
      snapshot.pupils.push(pupil);
    } else {
      const staff: StaffRecord = { ...person, email, role };
      snapshot.staff.push(staff);
    }
  }
}

/** username, each `{type:id}` of userIds, and the email: the names capture may see. */
function identifiersOf(
  username: string,
  userIds: string,
  email: string | null,
  line: number,
  problems: ImportProblems,
): PersonIdentifier[] {
  const found: PersonIdentifier[] = [];
  const add = (identifier: string, kind: string) => {
    const normal = normaliseIdentifier(identifier);
    if (normal !== "" && !found.some((known) => known.identifier === normal))
      found.push({ identifier: normal, kind });
  };
  add(username, "username");
  if (userIds !== "") {
    const pairs = [...userIds.matchAll(/\{([^:{}]+):([^{}]+)\}/g)];
    if (pairs.length === 0)
      problems.add("users.csv", line, "userIds", `"${userIds}" is not a list of {type:id}`);
    for (const [, type = "", id = ""] of pairs) add(id, type.trim().toLowerCase());
  }
  if (email) add(email, "email");
  if (found.length === 0)
    problems.add("users.csv", line, "username", "a username (or userIds or email) is required");
  return found;
}

/** A OneRoster list cell: comma-separated, blanks dropped. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}
