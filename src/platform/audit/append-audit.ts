/**
 * Appends a record to a school's audit chain inside the caller's transaction. The chain head is
 * locked (PostgreSQL) or the writer is already alone (SQLite), so two writers never fork a chain.
 */
import { lockRowsForUpdate } from "../../db/row-lock.js";
import type { WriteContext } from "../context/write-context.js";
import { actorId } from "../context/actor.js";
import { canonicalJson, type JsonValue } from "./canonical-json.js";
import { genesisHash, hashAuditRecord } from "./audit-hash.js";
import { instanceChain, type AuditEvent } from "./audit-event.js";

export interface AuditEntry {
  event: AuditEvent;
  /** The school the record belongs to; null for instance-wide records. */
  schoolId: string | null;
  subject?: { type: string; id: string };
  data?: Record<string, JsonValue>;
}

/** Writes one audit record; returns its chain and sequence number. */
export async function appendAudit(
  ctx: WriteContext,
  entry: AuditEntry,
): Promise<{ chain: string; seq: number }> {
  const chain = entry.schoolId ?? instanceChain;
  await ctx.trx
    .insertInto("audit_chain_heads")
    .values({ chain, seq: 0, hash: genesisHash })
    .onConflict((conflict) => conflict.column("chain").doNothing())
    .execute();
  const head = await lockRowsForUpdate(
    ctx.trx.selectFrom("audit_chain_heads").select(["seq", "hash"]).where("chain", "=", chain),
    ctx.capabilities,
  ).executeTakeFirst();
  const previous = head ?? { seq: 0, hash: genesisHash };
  const record = {
    chain,
    seq: previous.seq + 1,
    school_id: entry.schoolId,
    event: entry.event,
    actor_kind: ctx.actor.kind,
    actor_id: actorId(ctx.actor),
    actor_label: ctx.actor.label,
    ip: ctx.ip,
    subject_type: entry.subject?.type ?? null,
    subject_id: entry.subject?.id ?? null,
    data: canonicalJson(entry.data ?? {}),
    created_at: new Date().toISOString(),
    prev_hash: previous.hash,
  };
  const hash = hashAuditRecord(record);
  await ctx.trx
    .insertInto("audit_records")
    .values({ ...record, hash })
    .execute();
  await ctx.trx
    .updateTable("audit_chain_heads")
    .set({ seq: record.seq, hash })
    .where("chain", "=", chain)
    .execute();
  return { chain, seq: record.seq };
}
