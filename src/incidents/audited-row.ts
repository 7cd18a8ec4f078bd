/**
 * Tamper evidence for incident rows: every insert or change appends the row's digest (SHA-256 of
 * its canonical JSON) to the school's audit chain, so `vigil audit verify` can compare each row
 * with the last audited value and catch a row edited behind Vigil's back.
 */
import { createHash } from "node:crypto";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { AuditEvent } from "../platform/audit/audit-event.js";
import { canonicalJson, type JsonValue } from "../platform/audit/canonical-json.js";
import type { WriteContext } from "../platform/context/write-context.js";

/** The audit subject types whose rows are checked, and the table each lives in. */
export const auditedTables = {
  incident: "incidents",
  "incident-entry": "incident_timeline",
  "incident-person": "incident_people",
  "incident-action": "incident_actions",
  evidence: "evidence",
} as const;

export type AuditedSubject = keyof typeof auditedTables;

/** SHA-256 of a row's canonical JSON. */
export function rowDigest(row: object): string {
  return createHash("sha256").update(canonicalJson(row)).digest("hex");
}

/** Appends `event` about `row` with its digest (and `data`) in the caller's transaction. */
export async function auditRow(
  ctx: WriteContext,
  event: AuditEvent,
  subject: AuditedSubject,
  row: { id: string; school_id: string },
  data: Record<string, JsonValue> = {},
): Promise<void> {
  await appendAudit(ctx, {
    event,
    schoolId: row.school_id,
    subject: { type: subject, id: row.id },
    data: { ...data, digest: rowDigest(row) },
  });
}
