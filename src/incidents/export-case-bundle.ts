/**
 * The case bundle for the police or the LADO: the JSON record, a PDF summary, the evidence files
 * (decrypted, each with its SHA-256), the audit excerpt about the incident, and a manifest of every
 * file's hash, packed as a tar whose own SHA-256 is recorded in the audit chain. Evidence locked
 * as suspected CSAM is never included: the manifest says so instead.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { create } from "tar";
import type { Kysely } from "kysely";
import type { Database, IncidentsTable } from "../db/schema.js";
import { readEvidenceFile, sha256Hex, type EvidenceStore } from "../evidence/evidence-store.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import type { SchoolScope } from "../schools/school-scope.js";
import { getIncident, incidentParts } from "./incident.repository.js";
import type { IncidentViewer } from "./incident-visibility.js";
import { textPdf } from "./parent-letter.js";

const extensions: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "text/plain": "txt",
};

export interface CaseBundle {
  tar: Buffer;
  sha256: string;
  fileName: string;
  manifest: {
    files: { path: string; sha256: string; bytes: number }[];
    excluded: { evidenceId: string; reason: string }[];
  };
}

/** Builds the bundle and records its hash (with `reason`) in the school's audit chain. */
export async function exportCaseBundle(
  ctx: WriteContext,
  store: EvidenceStore,
  scope: SchoolScope,
  viewer: IncidentViewer,
  incidentId: string,
  reason: string,
): Promise<CaseBundle> {
  const incident = await getIncident(ctx.trx, scope, viewer, incidentId);
  const parts = await incidentParts(ctx.trx, incident.id);
  const evidenceRows = await ctx.trx
    .selectFrom("evidence")
    .selectAll()
    .where("incident_id", "=", incident.id)
    .execute();
  const staging = mkdtempSync(join(store.dataDir, ".export-"));
  try {
    const files: CaseBundle["manifest"]["files"] = [];
    const excluded: CaseBundle["manifest"]["excluded"] = [];
    const put = (path: string, bytes: Buffer | Uint8Array) => {
      const full = join(staging, path);
      writeFileSync(full, bytes, { mode: 0o600 });
      files.push({ path, sha256: sha256Hex(Buffer.from(bytes)), bytes: bytes.length });
    };
    mkdirSync(join(staging, "evidence"), { mode: 0o700 });
    for (const evidence of evidenceRows) {
      if (evidence.csam_locked_at !== null) {
        excluded.push({
          evidenceId: evidence.id,
          reason:
            "marked as suspected child sexual abuse material: never exported by Vigil; referred to the police",
        });
        continue;
      }
      const content = readEvidenceFile(store, evidence.id, evidence.storage_path);
      if (sha256Hex(content) !== evidence.sha256) {
        throw new AppError(
          "conflict",
          `Evidence ${evidence.id} does not match its recorded SHA-256; nothing was exported.`,
          {
            hint: "Run `vigil audit verify` and restore the file from a backup.",
          },
        );
      }
      put(join("evidence", `${evidence.id}.${extensions[evidence.media_type] ?? "bin"}`), content);
    }
    const record = { incident: publicIncident(incident), ...parts };
    put("record.json", Buffer.from(JSON.stringify(record, null, 2)));
    put("summary.pdf", await textPdf(summaryText(incident, parts), `Incident ${incident.id}`));
    put(
      "audit-excerpt.json",
      Buffer.from(JSON.stringify(await auditExcerpt(ctx.trx, incident, parts), null, 2)),
    );
    const manifest = {
      incidentId: incident.id,
      schoolId: incident.school_id,
      exportedAt: new Date().toISOString(),
      exportedBy: ctx.actor.label,
      reason,
      hashAlgorithm: "SHA-256",
      files,
      excluded,
    };
    writeFileSync(join(staging, "manifest.json"), JSON.stringify(manifest, null, 2), { mode: 0o600 });
    const fileName = `incident-${incident.id}.tar`;
    const tarPath = join(staging, fileName);
    await create({ file: tarPath, cwd: staging, portable: true }, [
      "manifest.json",
      ...files.map((file) => file.path),
    ]);
    const tar = readFileSync(tarPath);
    const sha256 = sha256Hex(tar);
    await appendAudit(ctx, {
      event: "incident.exported",
      schoolId: incident.school_id,
      subject: { type: "incident", id: incident.id },
      data: {
        bundleSha256: sha256,
        manifestSha256: sha256Hex(readFileSync(join(staging, "manifest.json"))),
        reason,
        excluded: excluded.length,
      },
    });
    return { tar, sha256, fileName, manifest: { files, excluded } };
  } finally {
    // Decrypted copies exist only while the tar is made.
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The incident row for people outside Vigil: websites as a list. */
export function publicIncident(incident: IncidentsTable) {
  return {
    ...incident,
    websites: JSON.parse(incident.websites) as string[],
    staff_allegation: incident.staff_allegation === 1,
  };
}

function summaryText(incident: IncidentsTable, parts: Awaited<ReturnType<typeof incidentParts>>): string {
  return [
    `Incident ${incident.id}`,
    `Type: ${incident.type}    Status: ${incident.status}`,
    `Incident date: ${incident.incident_date}`,
    `Summary: ${incident.summary}`,
    `Description: ${incident.description}`,
    `Information compromised: ${incident.information_classification}`,
    `Device: ${incident.device ?? "-"}    Websites: ${(JSON.parse(incident.websites) as string[]).join(", ") || "-"}`,
    `Immediate corrective action: ${incident.immediate_action ?? "-"}`,
    `Further action: ${incident.further_action ?? "-"}`,
    `Legal implications: ${incident.legal_implications ?? "-"}`,
    `Closed: ${incident.closed_at ?? "open"}${incident.closed_by ? ` by ${incident.closed_by}` : ""}`,
    "",
    "People involved:",
    ...parts.people.map(
      (p) => `  ${p.kind}, ${p.involvement}: ${p.name ?? ""} ${p.user_name ? `(${p.user_name})` : ""}`,
    ),
    "",
    "Chronology:",
    ...parts.timeline.map(
      (entry) => `  ${entry.created_at} ${entry.created_by} [${entry.kind}] ${entry.body}`,
    ),
    "",
    "Evidence:",
    ...parts.evidence.map(
      (e) =>
        `  ${e.id} ${e.kind} ${e.label} SHA-256 ${e.sha256}${e.csam_locked_at ? " (LOCKED: not included)" : ""}`,
    ),
  ].join("\n");
}

async function auditExcerpt(
  db: Kysely<Database>,
  incident: IncidentsTable,
  parts: Awaited<ReturnType<typeof incidentParts>>,
) {
  const ids = [
    incident.id,
    ...parts.people.map((p) => p.id),
    ...parts.timeline.map((e) => e.id),
    ...parts.actions.map((a) => a.id),
    ...parts.evidence.map((e) => e.id),
    ...parts.alertIds,
  ];
  return db
    .selectFrom("audit_records")
    .selectAll()
    .where("chain", "=", incident.school_id)
    .where("subject_id", "in", ids)
    .orderBy("seq")
    .execute();
}
