/**
 * Crash test: `vigil serve` is killed with SIGKILL while a sender posts batches. Every event the
 * server acknowledged must be stored exactly once after a restart, and resending everything
 * (what a sender does after a failed request) must add only the events that were never stored.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import type { EventBatchResponse } from "../../contracts/event.contract.js";
import { runVigil, vigilArgs } from "../../cli/test-support/run-vigil.js";
import { buildEvent } from "../test-support/capture-builders.js";

function startServe(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...vigilArgs, "serve"], { env: { ...process.env, ...env } });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`vigil serve printed no address: ${output}`));
    }, 20_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Console: (\S+?)\/?$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
  });
}

it("keeps every acknowledged event, once, across a SIGKILL of vigil serve", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-crash-"));
  const env = { VIGIL_DATA_DIR: dataDir, VIGIL_PORT: "0", VIGIL_LOG_LEVEL: "silent" };
  const setup = runVigil(
    [
      ...["setup", "--organisation", "Crash Trust", "--kind", "trust", "--school", "Crash School"],
      ...["--admin-name", "Sam", "--admin-email", "sam@crash.example", "--password-stdin"],
    ],
    env,
    "a long enough password\n",
  );
  expect(setup.status).toBe(0);
  const key =
    /^\s+(vik_\S+)$/m.exec(runVigil(["ingest-key", "create", "--name", "crash"], env).stdout)?.[1] ?? "";

  const batches = Array.from({ length: 400 }, (_, batch) =>
    Array.from({ length: 100 }, (_, i) => buildEvent({ id: `b${batch}-e${i}`, text: `message ${i}` })),
  );
  const post = (url: string, events: unknown[]) =>
    fetch(`${url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ events }),
    });

  const first = await startServe(env);
  const acknowledged = new Set<string>();
  const killed = new Promise((resolve) => first.child.on("exit", resolve));
  setTimeout(() => first.child.kill("SIGKILL"), 1_500);
  // Two senders, until the server dies under them.
  await Promise.all(
    [0, 1].map(async (sender) => {
      for (let batch = sender; batch < batches.length; batch += 2) {
        const events = batches[batch] ?? [];
        let body: EventBatchResponse;
        try {
          const response = await post(first.url, events);
          if (response.status !== 200) return;
          body = (await response.json()) as EventBatchResponse;
        } catch {
          return; // connection refused or reset: the server is gone
        }
        for (const result of body.results) if (result.status === "accepted") acknowledged.add(result.id);
      }
    }),
  );
  await killed;
  expect(acknowledged.size).toBeGreaterThan(0);
  expect(acknowledged.size).toBeLessThan(batches.length * 100); // killed mid-stream

  const second = await startServe(env);
  try {
    const db = new Database(join(dataDir, "vigil.db"), { readonly: true });
    const stored = db.prepare("select sender_id, count(*) as n from events group by sender_id").all() as {
      sender_id: string;
      n: number;
    }[];
    db.close();
    const storedIds = new Set(stored.map((row) => row.sender_id));
    expect(stored.every((row) => row.n === 1)).toBe(true);
    expect([...acknowledged].filter((id) => !storedIds.has(id))).toEqual([]);

    // The sender resends everything: only what was never stored is accepted.
    let accepted = 0;
    for (const events of batches) {
      const body = (await (await post(second.url, events)).json()) as EventBatchResponse;
      accepted += body.accepted;
    }
    expect(accepted).toBe(batches.length * 100 - storedIds.size);
  } finally {
    const exited = new Promise((resolve) => second.child.on("exit", resolve));
    second.child.kill("SIGTERM");
    await exited;
  }
}, 120_000);
