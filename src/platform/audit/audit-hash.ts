/** The hash that links each audit record to the one before it. */
import { createHash } from "node:crypto";
import type { AuditRecordsTable } from "../../db/schema.js";
import { canonicalJson } from "./canonical-json.js";

export const genesisHash = "0".repeat(64);

/** SHA-256 over the canonical JSON of every field but the hash itself (data parsed, not as text). */
export function hashAuditRecord(record: Omit<AuditRecordsTable, "hash">): string {
  const body = canonicalJson({ ...record, data: JSON.parse(record.data) as unknown });
  return createHash("sha256").update(body).digest("hex");
}
