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
  "membership.revoked",
  "user.signed-in",
  "user.sign-in-failed",
  "user.locked",
  "user.unlocked",
  "user.disabled",
  "user.signed-out",
  "user.signed-out-everywhere",
  "session.revoked",
  "two-factor.enrolment-started",
  "two-factor.enabled",
  "two-factor.verified",
  "two-factor.failed",
  "two-factor.recovery-code-used",
  "api-token.created",
  "api-token.revoked",
  "audit.viewed",
  "detection-override.created",
  "detection-override.revoked",
  "ingest-key.created",
  "ingest-key.revoked",
  "attribution.imported",
] as const;

export type AuditEvent = (typeof auditEvents)[number];

/** The chain for records that belong to no single school (instance set-up, organisations). */
export const instanceChain = "instance";
