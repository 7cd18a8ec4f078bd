/**
 * Walks every audit chain from its first record and names the first record in each chain that
 * was altered, removed or reordered. Reads in pages so a long log never sits in memory whole.
 */
import type { Kysely } from "kysely";
import type { AuditRecordsTable, Database } from "../../db/schema.js";
import { genesisHash, hashAuditRecord } from "./audit-hash.js";

export type ChainProblemKind = "altered" | "missing" | "reordered" | "truncated" | "record-altered";

/**
 * A check of domain rows against their audited values (e.g. incidents and evidence files); its
 * problems join the report. Areas pass theirs in, so the platform never imports a domain.
 */
export type RecordCheck = (db: Kysely<Database>) => Promise<ChainProblem[]>;

export interface ChainProblem {
  chain: string;
  seq: number;
  kind: ChainProblemKind;
  message: string;
}

export interface VerifyReport {
  chains: number;
  records: number;
  problems: ChainProblem[];
}

const pageSize = 1_000;

/** Verifies every chain; `problems` is empty when the whole log is intact. */
export async function verifyAuditChains(
  db: Kysely<Database>,
  recordChecks: readonly RecordCheck[] = [],
): Promise<VerifyReport> {
  const heads = await db.selectFrom("audit_chain_heads").selectAll().orderBy("chain").execute();
  const recordChains = await db.selectFrom("audit_records").select("chain").distinct().execute();
  const chains = new Set([...heads.map((head) => head.chain), ...recordChains.map((row) => row.chain)]);
  const report: VerifyReport = { chains: chains.size, records: 0, problems: [] };
  for (const chain of [...chains].sort()) {
    const head = heads.find((candidate) => candidate.chain === chain);
    const problem = await verifyChain(db, chain, head, report);
    if (problem) report.problems.push(problem);
  }
  for (const check of recordChecks) report.problems.push(...(await check(db)));
  return report;
}

async function verifyChain(
  db: Kysely<Database>,
  chain: string,
  head: { seq: number; hash: string } | undefined,
  report: VerifyReport,
): Promise<ChainProblem | undefined> {
  let expectedSeq = 1;
  let previousHash = genesisHash;
  for (;;) {
    const page = await db
      .selectFrom("audit_records")
      .selectAll()
      .where("chain", "=", chain)
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(pageSize)
      .execute();
    for (const record of page) {
      report.records += 1;
      const seq = record.seq;
      if (seq !== expectedSeq) {
        return problem(
          chain,
          expectedSeq,
          "missing",
          `record ${expectedSeq} is missing (the next one is ${seq})`,
        );
      }
      if (record.prev_hash !== previousHash) {
        return problem(
          chain,
          seq,
          "reordered",
          `record ${seq} does not follow record ${seq - 1}: its link was changed or the records were reordered`,
        );
      }
      if (!hashMatches(record)) {
        return problem(
          chain,
          seq,
          "altered",
          `record ${seq} (${record.event}) was altered after it was written`,
        );
      }
      previousHash = record.hash;
      expectedSeq = seq + 1;
    }
    if (page.length < pageSize) break;
  }
  const lastSeq = expectedSeq - 1;
  if (!head)
    return problem(chain, lastSeq, "truncated", "the chain has no head record: the head was removed");
  if (head.seq !== lastSeq || head.hash !== previousHash) {
    const detail =
      head.seq > lastSeq
        ? `records ${lastSeq + 1} to ${head.seq} were removed`
        : "the head does not match the last record";
    return problem(chain, lastSeq + 1, "truncated", detail);
  }
  return undefined;
}

function hashMatches(record: AuditRecordsTable): boolean {
  const { hash, ...rest } = record;
  try {
    return hashAuditRecord(rest) === hash;
  } catch {
    return false; // data that is no longer JSON was altered too
  }
}

function problem(chain: string, seq: number, kind: ChainProblemKind, message: string): ChainProblem {
  return { chain, seq, kind, message: `chain ${chain}: ${message}` };
}
