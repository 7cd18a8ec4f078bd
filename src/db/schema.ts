/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings on both engines (sortable, no
 * timezone surprises); JSON payloads are text. Every domain table carries `school_id`.
 */
import type { Generated } from "kysely";

export type OrganisationKind = "trust" | "local-authority" | "consortium" | "standalone";

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: OrganisationKind;
  created_at: string;
}

export interface SchoolsTable {
  id: string;
  organisation_id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
  /** Consecutive failed sign-ins (password or second factor); reset by a success or an unlock. */
  failed_sign_ins: Generated<number>;
  locked_at: string | null;
  last_sign_in_at: string | null;
  /** Guest and supply accounts end by themselves at this time. */
  expires_at: string | null;
}

export interface AccessRequestsTable {
  id: string;
  school_id: string;
  requester_id: string;
  /** One of the actions in platform/authz/actions.ts. */
  action: string;
  /** What it is about, for the record (for example a pupil's username). */
  subject: string | null;
  reason: string;
  requested_until: string;
  /** pending, approved, refused or withdrawn. */
  status: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  /** Approved access lasts until this time (at most what was asked for). */
  granted_until: string | null;
}

export interface AccessReviewsTable {
  id: string;
  school_id: string;
  reviewer_id: string;
  signed_at: string;
  /** The report as the reviewer saw it (canonical JSON) and its hash. */
  report: string;
  report_sha256: string;
  note: string | null;
}

export interface MembershipsTable {
  id: string;
  user_id: string;
  school_id: string;
  role: string;
  created_at: string;
}

/** Instance-wide key/value facts such as whether first-run setup is complete. */
export interface InstanceSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface AuditRecordsTable {
  chain: string;
  seq: number;
  school_id: string | null;
  event: string;
  actor_kind: string;
  actor_id: string | null;
  actor_label: string;
  ip: string | null;
  subject_type: string | null;
  subject_id: string | null;
  data: string;
  created_at: string;
  prev_hash: string;
  hash: string;
}

/** The last record of each chain, so that removing the newest record is detected too. */
export interface AuditChainHeadsTable {
  chain: string;
  seq: number;
  hash: string;
}

/** A TOTP secret (RFC 6238); usable once confirmed. `last_used_step` refuses a replayed code. */
export interface TwoFactorCredentialsTable {
  user_id: string;
  secret: string;
  confirmed_at: string | null;
  last_used_step: number | null;
  created_at: string;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

/** A browser session; only the SHA-256 of its cookie token is stored. */
export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  second_factor_at: string | null;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
}

/** An integration's credential for one school; `scopes` is a JSON array of scope names. */
export interface ApiTokensTable {
  id: string;
  school_id: string;
  name: string;
  scopes: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface MigrationsTable {
  name: string;
  applied_at: string;
}

export type DetectionOverrideKind = "local-term" | "allowed-term" | "suppression";

/** One school override of the phrase library (see src/detection/overrides). */
export interface DetectionOverridesTable {
  id: string;
  school_id: string;
  kind: DetectionOverrideKind;
  phrase: string | null;
  category: string | null;
  weight: number | null;
  severity: number | null;
  rule_id: string | null;
  site: string | null;
  user_name: string | null;
  reason: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** A sender's credential for one school's event API; only the SHA-256 of the key is stored. */
export interface IngestKeysTable {
  id: string;
  school_id: string;
  name: string;
  key_hash: string;
  /** The key's first characters, so a person can tell keys apart without the secret. */
  key_prefix: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

/**
 * One captured event (API or log file). `(school_id, source, sender_id)` is unique, so a batch
 * sent twice is stored once; `processed_at` is null until detection has seen it.
 */
export interface EventsTable {
  id: string;
  school_id: string;
  source: string;
  sender_id: string;
  kind: string;
  time: string;
  user_name: string | null;
  device: string | null;
  ip: string | null;
  url: string | null;
  host: string | null;
  text: string | null;
  action: string | null;
  filter_category: string | null;
  /** The rest of the event's fields (method, status, engine, app, screenshot metadata) as JSON. */
  detail: string | null;
  received_at: string;
  processed_at: string | null;
}

/** Where `vigil ingest` got to in a log file, written in the same transaction as its events. */
export interface IngestCheckpointsTable {
  school_id: string;
  source: string;
  path: string;
  inode: string;
  byte_offset: number;
  line_number: number;
  first_line_hash: string;
  updated_at: string;
}

/** A machine-made alert; repeats within a window raise `count` rather than adding alerts. */
export interface AlertsTable {
  id: string;
  school_id: string;
  status: string;
  severity: number;
  /** JSON array of category ids. */
  categories: string;
  /** JSON: rule ids, matched text, weights, URL hits, library version. */
  explanation: string;
  /** At most ~300 characters around the matches, never the whole text. */
  evidence: string | null;
  url: string | null;
  user_name: string | null;
  device: string | null;
  ip: string | null;
  first_seen: string;
  last_seen: string;
  count: number;
  group_key: string;
  first_event_id: string;
  last_event_id: string;
  /** Who or what raised it, e.g. `pipeline (library 2025.1)`. */
  created_by: string;
  created_at: string;
  updated_at: string;
  /** The staff member working on it (0006). */
  assignee_id: string | null;
  /** JSON array of the rule ids that fired, sorted (0006). */
  rule_ids: Generated<string>;
  /** When it first left `new` (0006). */
  acknowledged_at: string | null;
  /** The pupil's age group from the directory when recorded; null if unknown (0013). */
  age_group: string | null;
  /** Whom the directory placed the user name as when recorded; null if nobody it knew (0014). */
  subject_kind: Generated<"pupil" | "staff" | null>;
}

/** Append-only: who did what to an alert, when, from which status to which (0006). */
export interface AlertHistoryTable {
  id: string;
  school_id: string;
  alert_id: string;
  at: string;
  actor_id: string | null;
  actor_label: string;
  /** `triaged`, `assigned`, `noted`, `suppressed`, `raised` (to an incident). */
  action: string;
  from_status: string | null;
  to_status: string | null;
  assignee_id: string | null;
  note: string | null;
}

/** The latest triage outcome of an alert for each rule that fired: `confirmed` or `false-positive`. */
export interface AlertRuleOutcomesTable {
  alert_id: string;
  rule_id: string;
  school_id: string;
  outcome: string;
  decided_at: string;
  decided_by: string | null;
}

/** A rule silenced for a site, user, device or the whole school until `until` (0006). */
export interface AlertSuppressionsTable {
  id: string;
  school_id: string;
  rule_id: string;
  /** `site`, `user`, `device` or `school`. */
  scope: string;
  /** The site host, user name or device; null for the whole school. */
  value: string | null;
  until: string;
  reason: string;
  source_alert_id: string | null;
  created_by: string;
  created_at: string;
  ended_at: string | null;
  ended_by: string | null;
  /** Signals this suppression stopped from becoming or raising an alert. */
  suppressed_count: Generated<number>;
  last_suppressed_at: string | null;
}

export type IpAssignmentSource = "dhcp" | "logon" | "csv" | "api";

/** Who held an IP address from `starts_at` until `ends_at` (null: still holds it), and how Vigil knows. */
export interface IpAssignmentsTable {
  id: string;
  school_id: string;
  ip: string;
  device: string | null;
  user_name: string | null;
  starts_at: string;
  ends_at: string | null;
  source: IpAssignmentSource;
  created_at: string;
}

/** A school's own incident type, added to the built-in list. */
export interface IncidentTypesTable {
  id: string;
  school_id: string;
  label: string;
  created_by: string;
  created_at: string;
}

/** One e-safety incident: the Incident Log's fields (seed 003, section 7) and its state. */
export interface IncidentsTable {
  id: string;
  school_id: string;
  type: string;
  status: string;
  /** `concern`, `alerts` or `recorded`. */
  source: string;
  incident_date: string;
  summary: string;
  description: string;
  /** `none`, `public`, `protected` or `restricted`: the highest class of information compromised. */
  information_classification: string;
  device: string | null;
  /** JSON array of URLs. */
  websites: string;
  immediate_action: string | null;
  further_action: string | null;
  legal_implications: string | null;
  /** 1 when a member of staff is a subject: visible only to the head and whom the head names. */
  staff_allegation: number;
  reported_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

/** A person involved in an incident, by name or user name until a directory exists. */
export interface IncidentPeopleTable {
  id: string;
  incident_id: string;
  school_id: string;
  kind: string;
  involvement: string;
  name: string | null;
  user_name: string | null;
  created_at: string;
}

/** Someone the head named to see an allegation against staff. */
export interface IncidentViewersTable {
  incident_id: string;
  school_id: string;
  user_id: string;
  granted_by: string;
  granted_at: string;
}

/** The alerts an incident was raised from. */
export interface IncidentAlertsTable {
  incident_id: string;
  alert_id: string;
  school_id: string;
}

/** One chronology entry: append-only; a correction is a new entry naming the one it corrects. */
export interface IncidentTimelineTable {
  id: string;
  incident_id: string;
  school_id: string;
  kind: string;
  body: string;
  /** JSON: e.g. a field change's field, old and new values. */
  data: string;
  corrects_entry_id: string | null;
  created_by: string;
  created_at: string;
}

/** A task, sanction, letter to parents, referral or internet-access withdrawal. */
export interface IncidentActionsTable {
  id: string;
  incident_id: string;
  school_id: string;
  kind: string;
  description: string;
  owner: string | null;
  due_on: string | null;
  agency: string | null;
  reference: string | null;
  happened_on: string | null;
  follow_up_due_on: string | null;
  until_on: string | null;
  completed_at: string | null;
  completed_by: string | null;
  created_by: string;
  created_at: string;
}

/** An item of evidence: its content lives encrypted in a file under the data directory. */
export interface EvidenceTable {
  id: string;
  incident_id: string;
  school_id: string;
  kind: string;
  label: string;
  media_type: string;
  byte_size: number;
  /** SHA-256 of the content (plaintext). */
  sha256: string;
  /** SHA-256 of the encrypted file, so `vigil audit verify` can check it without the key. */
  stored_sha256: string;
  storage_path: string;
  graphic: number;
  sensitive: number;
  csam_locked_at: string | null;
  csam_locked_by: string | null;
  created_by: string;
  created_at: string;
}

/** Who looked at an item of evidence, and why. */
export interface EvidenceViewsTable {
  id: string;
  evidence_id: string;
  school_id: string;
  viewer: string;
  viewer_id: string | null;
  reason: string;
  viewed_at: string;
}

/** A second person's approval to view sensitive evidence (two-person review). */
export interface EvidenceApprovalsTable {
  id: string;
  evidence_id: string;
  school_id: string;
  approver: string;
  approver_id: string | null;
  reason: string;
  approved_at: string;
}

/** A school's incident settings: two-person review, the parents' letter template. */
export interface IncidentSettingsTable {
  school_id: string;
  two_person_review: number;
  letter_template: string | null;
  updated_by: string;
  updated_at: string;
}

/** Monitoring of a device (or user) held for a police investigation. */
export interface MonitoringHoldsTable {
  id: string;
  school_id: string;
  device: string | null;
  user_name: string | null;
  incident_id: string;
  reason: string;
  created_by: string;
  created_at: string;
  /** Null while the hold is in force; with it, who released the hold and why (0017). */
  released_at: string | null;
  released_by: string | null;
  release_reason: string | null;
}

/** A background job in the local queue (`src/platform/jobs/`). */
export interface JobsTable {
  id: string;
  name: string;
  /** JSON, checked against the job's Zod payload when it runs. */
  payload: string;
  school_id: string | null;
  /** pending, running, succeeded, skipped, failed. */
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  /** A claimed job whose lease has passed is claimable again (its worker died). */
  locked_until: string | null;
  last_error: string | null;
  result: string | null;
  /** At most one job per key, so enqueueing twice is harmless. */
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
}

/** Someone a school's alerts may be sent to: an email address and/or a signed webhook. */
export interface NotificationContactsTable {
  id: string;
  school_id: string;
  name: string;
  email: string | null;
  webhook_url: string | null;
  webhook_secret: string | null;
  user_id: string | null;
  /** JSON `{days, start, end, timeZone}`; null: any time. */
  working_hours: string | null;
  /** JSON array of `daily` / `weekly`. */
  digests: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Who is told about which alerts, in what order, and how long each has to acknowledge. */
export interface NotificationPoliciesTable {
  id: string;
  school_id: string;
  name: string;
  /** JSON array of categories; empty: every category. */
  categories: string;
  min_severity: number;
  /** 1: tell the chain day or night, ignoring working hours. */
  at_once: number;
  /** JSON array of contact ids, in escalation order. */
  chain: string;
  /** JSON `{"1": minutes, ..., "5": minutes}`: acknowledgement deadline per severity. */
  deadlines: string;
  enabled: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  /** JSON array of age groups; empty: every age group (0013). */
  age_groups: Generated<string>;
  /** 1: only alerts about a member of staff (0014). */
  about_staff: Generated<number>;
}

/** One hop of an alert's escalation chain. */
export interface AlertNotificationsTable {
  id: string;
  school_id: string;
  alert_id: string;
  policy_id: string;
  step: number;
  contact_id: string;
  /** notified, skipped. */
  outcome: string;
  reason: string;
  at: string;
  /** When the next contact is told if the alert is still `new`; null at the end of the chain. */
  deadline_at: string | null;
}

/** One message to one contact on one channel, with its sending state. */
export interface NotificationDeliveriesTable {
  id: string;
  school_id: string;
  contact_id: string;
  /** email, webhook. */
  channel: string;
  /** alert, digest. */
  kind: string;
  alert_id: string | null;
  hop_id: string | null;
  /** For a digest: contact, period and start, so a digest is built once. */
  digest_key: string | null;
  /** contact and policy: at most one message per key per throttle window. */
  throttle_key: string | null;
  /** JSON: the message content (no evidence text). */
  message: string;
  /** pending, retrying, sent, grouped, failed. */
  status: string;
  attempts: number;
  last_error: string | null;
  grouped_into: string | null;
  /** How many other alerts this message also covered ("and 4 more"). */
  grouped_count: number;
  created_at: string;
  sent_at: string | null;
}

/** A pupil in the directory; `external_id` is the MIS's id (OneRoster sourcedId), flags are 0/1. */
export interface PupilsTable {
  id: string;
  school_id: string;
  external_id: string;
  given_name: string;
  family_name: string;
  year_group: string | null;
  form: string | null;
  sen: number;
  eal: number;
  joined_on: string | null;
  left_on: string | null;
  status: "active" | "left";
  created_at: string;
  updated_at: string;
}

/** A member of staff in the directory, linked to their Vigil account by email when there is one. */
export interface DirectoryStaffTable {
  id: string;
  school_id: string;
  external_id: string;
  given_name: string;
  family_name: string;
  email: string | null;
  role: string;
  user_id: string | null;
  left_on: string | null;
  status: "active" | "left";
  created_at: string;
  updated_at: string;
}

/** A name capture sees for a person (network logon, Google account, email), lower-cased. */
export interface DirectoryIdentifiersTable {
  id: string;
  school_id: string;
  identifier: string;
  kind: string;
  person_kind: "pupil" | "staff";
  person_id: string;
  created_at: string;
}

export type DeviceKind = "shared" | "assigned" | "personal";

/** A device known to the school, optionally assigned to a pupil or a member of staff. */
export interface DevicesTable {
  id: string;
  school_id: string;
  name: string;
  kind: DeviceKind;
  hostname: string | null;
  mac: string | null;
  pupil_id: string | null;
  staff_id: string | null;
  created_at: string;
  updated_at: string;
}

/** One directory import and what it changed. */
export interface DirectoryImportsTable {
  id: string;
  school_id: string;
  format: string;
  org_sourced_id: string | null;
  full_import: number;
  added: number;
  changed: number;
  left: number;
  unchanged: number;
  created_by: string;
  created_at: string;
}

/** A school's OpenID Connect provider; `allowed_domains` is a JSON array, the secret is sealed. */
export interface IdentityProvidersTable {
  id: string;
  school_id: string;
  kind: string;
  label: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string;
  allowed_domains: string;
  trust_provider_mfa: Generated<number>;
  created_at: string;
}

/** A sign-in started with a provider and not yet finished: what the callback must match. */
export interface SsoFlowsTable {
  id: string;
  provider_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  created_at: string;
  expires_at: string;
}

export interface Database {
  access_requests: AccessRequestsTable;
  access_reviews: AccessReviewsTable;
  organisations: OrganisationsTable;
  schools: SchoolsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  instance_settings: InstanceSettingsTable;
  audit_records: AuditRecordsTable;
  audit_chain_heads: AuditChainHeadsTable;
  two_factor_credentials: TwoFactorCredentialsTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  vigil_migrations: MigrationsTable;
  detection_overrides: DetectionOverridesTable;
  ingest_keys: IngestKeysTable;
  events: EventsTable;
  ingest_checkpoints: IngestCheckpointsTable;
  alerts: AlertsTable;
  jobs: JobsTable;
  notification_contacts: NotificationContactsTable;
  notification_policies: NotificationPoliciesTable;
  alert_notifications: AlertNotificationsTable;
  notification_deliveries: NotificationDeliveriesTable;
  alert_history: AlertHistoryTable;
  alert_rule_outcomes: AlertRuleOutcomesTable;
  alert_suppressions: AlertSuppressionsTable;
  ip_assignments: IpAssignmentsTable;
  incident_types: IncidentTypesTable;
  incidents: IncidentsTable;
  incident_people: IncidentPeopleTable;
  incident_viewers: IncidentViewersTable;
  incident_alerts: IncidentAlertsTable;
  incident_timeline: IncidentTimelineTable;
  incident_actions: IncidentActionsTable;
  evidence: EvidenceTable;
  evidence_views: EvidenceViewsTable;
  evidence_approvals: EvidenceApprovalsTable;
  incident_settings: IncidentSettingsTable;
  monitoring_holds: MonitoringHoldsTable;
  pupils: PupilsTable;
  directory_staff: DirectoryStaffTable;
  directory_identifiers: DirectoryIdentifiersTable;
  devices: DevicesTable;
  directory_imports: DirectoryImportsTable;
  identity_providers: IdentityProvidersTable;
  sso_flows: SsoFlowsTable;
}
