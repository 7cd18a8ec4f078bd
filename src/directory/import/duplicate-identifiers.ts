/**
 * Two people who are still at the school cannot share a username or address: capture could not
 * tell whose browsing it saw. Each clash is named with both rows.
 */
import type { PupilRecord, StaffRecord } from "./directory-snapshot.js";
import type { ImportProblems } from "./import-problems.js";

const columnOfKind: Record<string, string> = { username: "username", email: "email" };

/** Adds a problem for every identifier held by two different people who have not left. */
export function checkDuplicateIdentifiers(
  people: readonly (PupilRecord | StaffRecord)[],
  problems: ImportProblems,
): void {
  const holders = new Map<string, PupilRecord | StaffRecord>();
  for (const person of people) {
    if (person.leftOn !== null) continue;
    for (const { identifier, kind } of person.identifiers) {
      const earlier = holders.get(identifier);
      if (earlier && earlier.externalId !== person.externalId) {
        problems.add(
          person.source.file,
          person.source.line,
          columnOfKind[kind] ?? "userIds",
          `duplicate username "${identifier}": line ${earlier.source.line} has it too`,
        );
      } else {
        holders.set(identifier, person);
      }
    }
  }
}
