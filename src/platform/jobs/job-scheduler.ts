/**
 * The in-process scheduler loop that `vigil serve` starts: every `jobPollIntervalMs` it runs the
 * due jobs (and whatever periodic planning is given). `vigil jobs run-due` does one pass
 * of the same work for cron-style operation. Stoppable: `stop` lets the pass in hand finish.
 */
import type { VigilDatabase } from "../../db/open-database.js";
import type { Clock } from "./clock.js";
import type { JobDefinition } from "./job.js";
import { runDueJobs, type RunSummary } from "./run-due-jobs.js";

/** How often the scheduler looks for due jobs. Escalation deadlines are minutes, so seconds suffice. */
export const jobPollIntervalMs = 5_000;

export interface SchedulerOptions {
  database: VigilDatabase;
  jobs: readonly JobDefinition[];
  clock: Clock;
  /** Periodic work before each pass, such as adding the day's digest jobs. */
  plan?: (clock: Clock) => Promise<void>;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

export class JobScheduler {
  readonly #options: SchedulerOptions;
  #running: Promise<void> | undefined;
  #stopping = false;
  #wake: (() => void) | undefined;

  constructor(options: SchedulerOptions) {
    this.#options = options;
  }

  /** One pass: plan, then run everything due. */
  async runOnce(): Promise<RunSummary> {
    const { database, jobs, clock, plan } = this.#options;
    if (plan) await plan(clock);
    return runDueJobs(database, jobs, clock);
  }

  /** Starts the loop in the background. */
  start(): void {
    this.#stopping = false;
    this.#running ??= this.#loop().finally(() => {
      this.#running = undefined;
    });
  }

  /** Finishes the pass in hand, then stops. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#running;
  }

  // A method, not the field, so the check after an await is not narrowed away by the compiler.
  #isStopping(): boolean {
    return this.#stopping;
  }

  async #loop(): Promise<void> {
    while (!this.#stopping) {
      try {
        await this.runOnce();
      } catch (error) {
        this.#options.onError?.(error);
      }
      if (this.#isStopping()) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#options.intervalMs ?? jobPollIntervalMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
