/**
 * Runs jobs whose time has come. Each job is claimed in its own short transaction (row-locked on
 * PostgreSQL, and the claim only succeeds if the row is still claimable), so two workers never
 * run the same job at once; the handler then runs outside any transaction (it may send email),
 * and its result is written back: done, skipped, or failed and due again after a back-off.
 */
import type { VigilDatabase } from "../../db/open-database.js";
import { lockRowsForUpdate } from "../../db/row-lock.js";
import type { Clock } from "./clock.js";
import { retryDelayMs, type JobContext, type JobDefinition, type JobResult } from "./job.js";

/** A claimed job may run this long before another worker may take it over. */
export const jobLeaseMs = 5 * 60 * 1000;

export interface RunSummary {
  ran: number;
  succeeded: number;
  skipped: number;
  failed: number;
}

/** Runs due jobs until none is due or `limit` have run. */
export async function runDueJobs(
  database: VigilDatabase,
  jobs: readonly JobDefinition[],
  clock: Clock,
  options: { limit?: number } = {},
): Promise<RunSummary> {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  const summary: RunSummary = { ran: 0, succeeded: 0, skipped: 0, failed: 0 };
  const limit = options.limit ?? 1_000;
  while (summary.ran < limit) {
    const claimed = await claimNext(database, clock);
    if (!claimed) break;
    summary.ran += 1;
    const definition = byName.get(claimed.name);
    const result = definition
      ? await runHandler(definition, claimed.payload, {
          database,
          clock,
          attempt: claimed.attempts,
          maxAttempts: claimed.max_attempts,
        })
      : ({ kind: "failed", error: `No job is called ${claimed.name}.`, retry: false } as const);
    await finish(database, clock, claimed, result);
    if (result.kind === "success") summary.succeeded += 1;
    else if (result.kind === "skipped") summary.skipped += 1;
    else summary.failed += 1;
  }
  return summary;
}

interface Claimed {
  id: string;
  name: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

async function claimNext(database: VigilDatabase, clock: Clock): Promise<Claimed | undefined> {
  const now = clock.now().toISOString();
  return database.db.transaction().execute(async (trx) => {
    const candidate = await lockRowsForUpdate(
      trx
        .selectFrom("jobs")
        .select(["id", "name", "payload", "attempts", "max_attempts"])
        .where((eb) =>
          eb.or([
            eb.and([eb("status", "=", "pending"), eb("run_at", "<=", now)]),
            eb.and([eb("status", "=", "running"), eb("locked_until", "<", now)]),
          ]),
        )
        .orderBy("run_at")
        .limit(1),
      database.capabilities,
    ).executeTakeFirst();
    if (!candidate) return undefined;
    const attempts = candidate.attempts + 1;
    const updated = await trx
      .updateTable("jobs")
      .set({
        status: "running",
        attempts,
        locked_until: new Date(clock.now().getTime() + jobLeaseMs).toISOString(),
        updated_at: now,
      })
      .where("id", "=", candidate.id)
      .where("attempts", "=", candidate.attempts)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1 ? { ...candidate, attempts } : undefined;
  });
}

async function runHandler(
  definition: JobDefinition,
  rawPayload: string,
  context: JobContext,
): Promise<JobResult> {
  const parsed = definition.payload.safeParse(JSON.parse(rawPayload));
  if (!parsed.success) {
    return { kind: "failed", error: `The payload is not valid: ${parsed.error.message}`, retry: false };
  }
  try {
    return await definition.handle(parsed.data, context);
  } catch (error) {
    return { kind: "failed", error: error instanceof Error ? error.message : String(error), retry: true };
  }
}

async function finish(database: VigilDatabase, clock: Clock, job: Claimed, result: JobResult): Promise<void> {
  const now = clock.now();
  const retry = result.kind === "failed" && result.retry && job.attempts < job.max_attempts;
  await database.db
    .updateTable("jobs")
    .set({
      status: retry ? "pending" : result.kind === "success" ? "succeeded" : result.kind,
      run_at: retry ? new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString() : undefined,
      locked_until: null,
      last_error: result.kind === "failed" ? result.error : null,
      result:
        result.kind === "success"
          ? (result.detail ?? null)
          : result.kind === "skipped"
            ? result.reason
            : null,
      updated_at: now.toISOString(),
    })
    .where("id", "=", job.id)
    .execute();
}
