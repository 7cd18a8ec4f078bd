/**
 * `vigil audit verify`'s check of the incident log: every incident row, person, chronology entry,
 * action and evidence row must equal the digest last written for it in the audit chain, and every
 * evidence file must still hash to the SHA-256 recorded when it was stored. An edit made straight in
 * the database or on disk is named here.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { ChainProblem, RecordCheck } from "../platform/audit/verify-audit-chains.js";
import { auditedTables, rowDigest, type AuditedSubject } from "./audited-row.js";

/** The check for `vigil audit verify`, reading evidence files under `dataDir`. */
export function incidentRecordCheck(dataDir: string): RecordCheck {
  return async (db) => {
    const problems: ChainProblem[] = [];
    for (const subject of Object.keys(auditedTables) as AuditedSubject[]) {
      problems.push(...(await checkTable(db, subject)));
    }
    problems.push(...(await checkEvidenceFiles(db, dataDir)));
    return problems;
  };
}

async function checkTable(db: Kysely<Database>, subject: AuditedSubject): Promise<ChainProblem[]> {
  const audited = new Map<string, { chain: string; seq: number; digest: string }>();
  const records = await db
    .selectFrom("audit_records")
    .select(["chain", "seq", "subject_id", "data"])
    .where("subject_type", "=", subject)
    .orderBy("chain")
    .orderBy("seq")
    .execute();
  for (const record of records) {
    const digest = (JSON.parse(record.data) as { digest?: unknown }).digest;
    if (record.subject_id !== null && typeof digest === "string") {
      audited.set(record.subject_id, { chain: record.chain, seq: record.seq, digest });
    }
  }
  const rows = (await db.selectFrom(auditedTables[subject]).selectAll().execute()) as {
    id: string;
    school_id: string;
  }[];
  const problems: ChainProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.id);
    const last = audited.get(row.id);
    if (!last) {
      problems.push(
        problem(row.school_id, 0, `${subject} ${row.id} is not in the audit log: it was added outside Vigil`),
      );
    } else if (last.digest !== rowDigest(row)) {
      problems.push(
        problem(
          last.chain,
          last.seq,
          `${subject} ${row.id} differs from its audited value (record ${last.seq}): it was altered outside Vigil`,
        ),
      );
    }
  }
  for (const [id, last] of audited) {
    if (!seen.has(id))
      problems.push(
        problem(last.chain, last.seq, `${subject} ${id} was deleted (audited in record ${last.seq})`),
      );
  }
  return problems;
}

async function checkEvidenceFiles(db: Kysely<Database>, dataDir: string): Promise<ChainProblem[]> {
  const rows = await db
    .selectFrom("evidence")
    .select(["id", "school_id", "storage_path", "stored_sha256"])
    .execute();
  const problems: ChainProblem[] = [];
  for (const row of rows) {
    const path = join(dataDir, row.storage_path);
    if (!existsSync(path)) {
      problems.push(problem(row.school_id, 0, `evidence file ${row.storage_path} is missing`));
      continue;
    }
    const hash = createHash("sha256").update(readFileSync(path)).digest("hex");
    if (hash !== row.stored_sha256) {
      problems.push(
        problem(
          row.school_id,
          0,
          `evidence file ${row.storage_path} was altered: its SHA-256 no longer matches`,
        ),
      );
    }
  }
  return problems;
}

function problem(chain: string, seq: number, message: string): ChainProblem {
  return { chain, seq, kind: "record-altered", message: `chain ${chain}: ${message}` };
}
