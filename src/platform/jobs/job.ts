/**
 * The one contract for background work (STYLE habit 6): a name, a Zod payload, an idempotent
 * handler, and an explicit result. A handler may run twice (a worker died after sending), so it
 * checks the state it is about to change before changing it.
 */
import type { z } from "zod";
import type { VigilDatabase } from "../../db/open-database.js";
import type { Clock } from "./clock.js";

export type JobResult =
  | { kind: "success"; detail?: string }
  | { kind: "skipped"; reason: string }
  /** `retry: false` gives up at once (bad payload); otherwise retried at a back-off until the limit. */
  | { kind: "failed"; error: string; retry: boolean };

export interface JobContext {
  database: VigilDatabase;
  clock: Clock;
  /** 1 on the first run. */
  attempt: number;
  /** After this attempt a failure is final. */
  maxAttempts: number;
}

export interface JobDefinition<P = unknown> {
  name: string;
  payload: z.ZodType<P>;
  /** Runs after this many failed attempts are given up (the job is then `failed`). */
  maxAttempts?: number;
  handle(payload: P, context: JobContext): Promise<JobResult>;
}

/** Declares a job with its payload type inferred from the schema. */
export function defineJob<S extends z.ZodType>(definition: {
  name: string;
  payload: S;
  maxAttempts?: number;
  handle(payload: z.output<S>, context: JobContext): Promise<JobResult>;
}): JobDefinition {
  return definition;
}

/** Wait before attempt `attempt + 1`: 30 s, 1 min, 2 min, ... capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 60 * 60 * 1000);
}

export const defaultMaxAttempts = 6;
