/**
 * Every error Vigil reports, with its stable id and HTTP status. Clients and scripts rely on the
 * ids, so an id is never renamed or reused for another meaning.
 */
export const errorStatuses = {
  validation_failed: 400,
  invalid_setting: 400,
  unauthenticated: 401,
  sign_in_failed: 401,
  second_factor_invalid: 401,
  two_factor_required: 403,
  csrf_failed: 403,
  password_rejected: 400,
  setup_token_invalid: 403,
  forbidden: 403,
  ingest_key_revoked: 403,
  evidence_locked: 403,
  evidence_review_required: 403,
  not_found: 404,
  setup_already_complete: 409,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  internal_error: 500,
  setup_required: 503,
  database_unreachable: 503,
  migration_failed: 500,
} as const;

export type ErrorId = keyof typeof errorStatuses;
