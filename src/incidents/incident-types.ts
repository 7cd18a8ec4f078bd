/**
 * The built-in incident types: the policy's categories (seed 004) and the common incidents list
 * (seed 003, section 7). A school may add its own (incident_types); the built-in ids never change.
 */
export const builtInIncidentTypes = {
  "inappropriate-material-deliberate": "Inappropriate material (deliberate access)",
  "inappropriate-material-accidental": "Inappropriate material (accidental access)",
  "illegal-material": "Illegal material",
  "network-misuse": "Misuse of the network",
  "bullying-or-harassment": "Bullying or harassment",
  "sexual-exploitation": "Sexual exploitation",
  "circumventing-security": "Circumventing the network security system",
  "accessing-inappropriate-material": "Accessing inappropriate material",
  "unapproved-software": "Installing unapproved software",
  "someone-elses-account": "Using someone else's email address, account or password",
  "breaching-copyright": "Breaching copyright",
  "school-material-on-social-media": "Uploading school material to a social network or chat room",
  "device-unattended": "Leaving a school mobile device unattended",
  "not-logging-off": "Not logging off when leaving a device",
  "concern-to-triage": "Concern reported, not yet triaged",
} as const;

export type BuiltInIncidentType = keyof typeof builtInIncidentTypes;

/** Prefix of a school's own type ids, so they can never collide with a built-in one. */
export const schoolTypePrefix = "school:";

/** True when `type` is one of the built-in types. */
export function isBuiltInType(type: string): type is BuiltInIncidentType {
  return Object.hasOwn(builtInIncidentTypes, type);
}
