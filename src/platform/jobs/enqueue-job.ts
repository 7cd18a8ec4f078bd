/**
 * Adds a job inside the caller's transaction (an outbox row), so the work is stored together with
 * the change that asked for it and is never lost if the process stops before running it.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { defaultMaxAttempts } from "./job.js";

export interface EnqueueOptions {
  runAt: Date;
  schoolId?: string | null;
  /** A job with the same key is not added twice. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Stores a pending job; returns its id, or null when a job with the same dedupe key exists. */
export async function enqueueJob(
  trx: Kysely<Database>,
  name: string,
  payload: unknown,
  options: EnqueueOptions,
): Promise<string | null> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const result = await trx
    .insertInto("jobs")
    .values({
      id,
      name,
      payload: JSON.stringify(payload),
      school_id: options.schoolId ?? null,
      status: "pending",
      run_at: options.runAt.toISOString(),
      attempts: 0,
      max_attempts: options.maxAttempts ?? defaultMaxAttempts,
      locked_until: null,
      last_error: null,
      result: null,
      dedupe_key: options.dedupeKey ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.column("dedupe_key").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}
