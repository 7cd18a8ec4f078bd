/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings on both engines (sortable, no
 * timezone surprises); JSON payloads are text. Every domain table carries `school_id`.
 */
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

export interface MigrationsTable {
  name: string;
  applied_at: string;
}

export interface Database {
  organisations: OrganisationsTable;
  schools: SchoolsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  instance_settings: InstanceSettingsTable;
  audit_records: AuditRecordsTable;
  audit_chain_heads: AuditChainHeadsTable;
  vigil_migrations: MigrationsTable;
}
