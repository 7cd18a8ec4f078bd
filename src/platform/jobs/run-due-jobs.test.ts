import { expect, it } from "vitest";
import { z } from "zod";
import { forEachDialect } from "../../db/test-support/for-each-dialect.js";
import { ManualClock } from "./clock.js";
import { enqueueJob } from "./enqueue-job.js";
import { defineJob, type JobResult } from "./job.js";
import { runDueJobs } from "./run-due-jobs.js";

forEachDialect("background jobs", (database) => {
  const jobRow = (id: string | null) =>
    database()
      .db.selectFrom("jobs")
      .selectAll()
      .where("id", "=", id ?? "")
      .executeTakeFirstOrThrow();

  it("runs a due job once, leaves a future one, and does not add a duplicate key twice", async () => {
    const clock = new ManualClock("2026-01-05T10:00:00Z");
    const seen: string[] = [];
    const echo = defineJob({
      name: `echo-${clock.now().getTime()}`,
      payload: z.object({ word: z.string() }),
      handle({ word }) {
        seen.push(word);
        return Promise.resolve({ kind: "success", detail: word });
      },
    });
    const now = await enqueueJob(
      database().db,
      echo.name,
      { word: "now" },
      { runAt: clock.now(), dedupeKey: `k-${echo.name}` },
    );
    const again = await enqueueJob(
      database().db,
      echo.name,
      { word: "again" },
      { runAt: clock.now(), dedupeKey: `k-${echo.name}` },
    );
    expect(again).toBeNull();
    const later = await enqueueJob(
      database().db,
      echo.name,
      { word: "later" },
      { runAt: new Date("2026-01-05T11:00:00Z") },
    );

    // Two workers at once: the job runs exactly once.
    const [a, b] = await Promise.all([
      runDueJobs(database(), [echo], clock),
      runDueJobs(database(), [echo], clock),
    ]);
    expect(a.succeeded + b.succeeded).toBe(1);
    expect(seen).toEqual(["now"]);
    expect(await jobRow(now)).toMatchObject({ status: "succeeded", attempts: 1, result: "now" });
    expect(await jobRow(later)).toMatchObject({ status: "pending", attempts: 0 });
    clock.advance(60 * 60 * 1000);
    await runDueJobs(database(), [echo], clock);
    expect(seen).toEqual(["now", "later"]);
  });

  it("retries a failure at a growing back-off, then gives up with the last error", async () => {
    const clock = new ManualClock("2026-01-05T10:00:00Z");
    let calls = 0;
    const flaky = defineJob({
      name: "always-fails",
      payload: z.object({}),
      maxAttempts: 3,
      handle(): Promise<JobResult> {
        calls += 1;
        return Promise.resolve({ kind: "failed", error: `refused ${String(calls)}`, retry: true });
      },
    });
    const id = await enqueueJob(database().db, flaky.name, {}, { runAt: clock.now(), maxAttempts: 3 });
    await runDueJobs(database(), [flaky], clock);
    expect(await jobRow(id)).toMatchObject({
      status: "pending",
      attempts: 1,
      last_error: "refused 1",
      run_at: "2026-01-05T10:00:30.000Z",
    });
    clock.advance(29_000);
    expect((await runDueJobs(database(), [flaky], clock)).ran).toBe(0);
    clock.advance(1_000);
    await runDueJobs(database(), [flaky], clock);
    expect(await jobRow(id)).toMatchObject({ attempts: 2, run_at: "2026-01-05T10:01:30.000Z" });
    clock.advance(60_000);
    await runDueJobs(database(), [flaky], clock);
    expect(await jobRow(id)).toMatchObject({ status: "failed", attempts: 3, last_error: "refused 3" });
    clock.advance(24 * 60 * 60 * 1000);
    expect((await runDueJobs(database(), [flaky], clock)).ran).toBe(0);
  });

  it("fails a job with a bad payload or an unknown name at once, and records a thrown error for retry", async () => {
    const clock = new ManualClock("2026-01-05T10:00:00Z");
    const strict = defineJob({
      name: "strict",
      payload: z.object({ n: z.number() }),
      handle: () => Promise.reject(new Error("database went away")),
    });
    const bad = await enqueueJob(database().db, "strict", { n: "x" }, { runAt: clock.now() });
    const unknown = await enqueueJob(database().db, "nobody-handles-this", {}, { runAt: clock.now() });
    const thrown = await enqueueJob(database().db, "strict", { n: 1 }, { runAt: clock.now() });
    await runDueJobs(database(), [strict], clock);
    expect(await jobRow(bad)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await jobRow(bad)).last_error).toContain("The payload is not valid");
    expect(await jobRow(unknown)).toMatchObject({
      status: "failed",
      last_error: "No job is called nobody-handles-this.",
    });
    expect(await jobRow(thrown)).toMatchObject({ status: "pending", last_error: "database went away" });
  });
});
