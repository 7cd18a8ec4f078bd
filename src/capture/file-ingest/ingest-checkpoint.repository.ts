/**
 * Where `vigil ingest` got to in a log file: byte offset, line number, and the file's identity
 * (inode and a hash of its first line). Written in the transaction that stores the lines' events,
 * so the position and the events can never disagree after a crash.
 */
import type { Kysely, Selectable } from "kysely";
import type { Database, IngestCheckpointsTable } from "../../db/schema.js";

export type IngestCheckpoint = Selectable<IngestCheckpointsTable>;

/** The checkpoint of a school's source, or undefined before its first batch. */
export async function findCheckpoint(
  db: Kysely<Database>,
  schoolId: string,
  source: string,
): Promise<IngestCheckpoint | undefined> {
  return db
    .selectFrom("ingest_checkpoints")
    .selectAll()
    .where("school_id", "=", schoolId)
    .where("source", "=", source)
    .executeTakeFirst();
}

/** Creates or moves the checkpoint, inside the caller's transaction. */
export async function saveCheckpoint(
  trx: Kysely<Database>,
  checkpoint: Omit<IngestCheckpoint, "updated_at">,
): Promise<void> {
  const row = { ...checkpoint, updated_at: new Date().toISOString() };
  await trx
    .insertInto("ingest_checkpoints")
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(["school_id", "source"]).doUpdateSet({
        path: row.path,
        inode: row.inode,
        byte_offset: row.byte_offset,
        line_number: row.line_number,
        first_line_hash: row.first_line_hash,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}
