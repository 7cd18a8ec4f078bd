/** The roles a person may hold in a school (several roles, several schools). */
export const roles = [
  "administrator",
  "network-manager",
  "online-safety-coordinator",
  "designated-safeguarding-lead",
  "deputy-safeguarding-lead",
  "head",
  "siro",
  "information-asset-owner",
  "governor",
  "teacher",
  "moderator",
  "auditor",
] as const;

export type Role = (typeof roles)[number];

/** True when `value` names a role this version knows. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
