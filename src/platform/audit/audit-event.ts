/**
 * The closed list of audit events, named `domain.past-tense`. Adding an event means adding it
 * here, so a typo cannot create a new kind of record.
 */
export const auditEvents = [
  "setup.completed",
  "organisation.created",
  "school.created",
  "user.created",
  "membership.granted",
] as const;

export type AuditEvent = (typeof auditEvents)[number];

/** The chain for records that belong to no single school (instance set-up, organisations). */
export const instanceChain = "instance";
