/**
 * Adds an item of evidence to an incident: a URL, captured text, a screenshot or a file. The
 * content is type-checked, hashed (SHA-256), encrypted (AES-256-GCM) and written under the data
 * directory; the row holds the hashes, and the chronology and the audit chain record it.
 */
import { randomUUID } from "node:crypto";
import type { EvidenceCreate } from "../contracts/evidence.contract.js";
import type { EvidenceTable } from "../db/schema.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { appendTimelineEntry } from "../incidents/append-timeline-entry.js";
import { auditRow } from "../incidents/audited-row.js";
import { checkEvidenceFile } from "./media-type-check.js";
import { sha256Hex, writeEvidenceFile, type EvidenceStore } from "./evidence-store.js";

/** Stores the evidence for `incident`; returns the row (without content). */
export async function addEvidence(
  ctx: WriteContext,
  store: EvidenceStore,
  incident: { id: string; school_id: string },
  input: EvidenceCreate,
): Promise<EvidenceTable> {
  const { content, mediaType, label } = contentOf(input);
  checkEvidenceFile(content, mediaType, store.maxBytes);
  const id = randomUUID();
  const { storagePath, storedSha256 } = writeEvidenceFile(store, incident.school_id, id, content);
  const row: EvidenceTable = {
    id,
    incident_id: incident.id,
    school_id: incident.school_id,
    kind: input.kind,
    label,
    media_type: mediaType,
    byte_size: content.length,
    sha256: sha256Hex(content),
    stored_sha256: storedSha256,
    storage_path: storagePath,
    graphic: "graphic" in input && input.graphic ? 1 : 0,
    sensitive: "sensitive" in input && input.sensitive ? 1 : 0,
    csam_locked_at: null,
    csam_locked_by: null,
    created_by: ctx.actor.label,
    created_at: new Date().toISOString(),
  };
  await ctx.trx.insertInto("evidence").values(row).execute();
  await auditRow(ctx, "evidence.added", "evidence", row, {
    incidentId: incident.id,
    sha256: row.sha256,
    storedSha256,
  });
  await appendTimelineEntry(ctx, incident, {
    kind: "document",
    body: `Evidence added: ${label} (${input.kind}, SHA-256 ${row.sha256})`,
    data: { evidenceId: id, sha256: row.sha256 },
  });
  return row;
}

function contentOf(input: EvidenceCreate): { content: Buffer; mediaType: string; label: string } {
  switch (input.kind) {
    case "url":
      return { content: Buffer.from(input.url), mediaType: "text/plain", label: input.label ?? input.url };
    case "text":
      return {
        content: Buffer.from(input.text),
        mediaType: "text/plain",
        label: input.label ?? "Captured text",
      };
    default:
      return {
        content: Buffer.from(input.contentBase64, "base64"),
        mediaType: input.mediaType,
        label: input.label ?? (input.kind === "screenshot" ? "Screenshot" : "File"),
      };
  }
}
