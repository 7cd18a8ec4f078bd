/** Roles in plain words, for people choosing or reading them (the ids stay in the API). */
import { roles, type Role } from "../../../../src/identity/roles.js";

const names: Record<Role, string> = {
  administrator: "Administrator (staff accounts and settings)",
  "network-manager": "Network manager",
  "online-safety-coordinator": "Online safety coordinator",
  "designated-safeguarding-lead": "Designated safeguarding lead",
  "deputy-safeguarding-lead": "Deputy safeguarding lead",
  head: "Head teacher",
  siro: "Senior information risk owner (SIRO)",
  "information-asset-owner": "Information asset owner",
  governor: "Governor",
  teacher: "Teacher",
  moderator: "Moderator (every school of the trust)",
  auditor: "Auditor (reads the audit log)",
};

/** The plain-words name of `role`; an unknown id is shown as it is. */
export function roleName(role: string): string {
  return (names as Record<string, string | undefined>)[role] ?? role;
}

/** Every role as select options: the id as value, the plain words as label. */
export const roleOptions = roles.map((role) => ({ value: role, label: names[role] }));
