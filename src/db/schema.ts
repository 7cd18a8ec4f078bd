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

export interface Database {
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
  ip_assignments: IpAssignmentsTable;
}
