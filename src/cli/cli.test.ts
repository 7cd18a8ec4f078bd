/**
 * The `vigil` command as a person runs it: a real process, a real data folder, real signals.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runVigil, vigilArgs } from "./test-support/run-vigil.js";

describe("vigil command line", () => {
  it("lists its commands", () => {
    const result = runVigil(["--help"]);
    expect(result.status).toBe(0);
    for (const command of ["serve", "setup", "migrate", "audit"]) expect(result.stdout).toContain(command);
  });

  it("exits 2 naming the setting when one is invalid", () => {
    const result = runVigil(["migrate"], { VIGIL_LOG_LEVEL: "loud" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid setting VIGIL_LOG_LEVEL: got "loud"');
  });

  it("exits non-zero on an unknown command", () => {
    expect(runVigil(["fly"]).status).not.toBe(0);
  });

  it("sets up from the shell, verifies the audit log, and catches a tampered record", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "vigil-data-"));
    const env = { VIGIL_DATA_DIR: dataDir };
    const args = ["setup", "--organisation", "Elm Trust", "--kind", "trust", "--school", "Elm Primary"];
    const setup = runVigil(
      [...args, "--admin-name", "Sam", "--admin-email", "sam@elm.example", "--password-stdin"],
      env,
      "a long enough password\n",
    );
    expect(setup.stderr).toBe("");
    expect(setup.status).toBe(0);
    expect(setup.stdout).toContain("Vigil is set up");

    const intact = runVigil(["audit", "verify"], env);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/Audit log intact: \d+ records/);

    const db = new Database(join(dataDir, "vigil.db"));
    db.prepare("update audit_records set actor_label = 'someone else' where event = 'user.created'").run();
    db.close();
    const tampered = runVigil(["audit", "verify"], env);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toMatch(/TAMPERED chain .*: record 2 \(user\.created\) was altered/);
  });

  it("serves /healthz and shuts down cleanly on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "vigil-serve-"));
    const child = spawn(process.execPath, [...vigilArgs, "serve"], {
      env: { ...process.env, VIGIL_DATA_DIR: dataDir, VIGIL_PORT: "0", VIGIL_LOG_LEVEL: "warn" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const consoleUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no console URL printed: ${output}`));
      }, 20_000);
      child.stdout.on("data", () => {
        const match = /Console: (\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect(output).toMatch(/setup\?token=/);
    const health = await fetch(new URL("/healthz", consoleUrl));
    expect(health.status).toBe(200);
    const exitCode = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exitCode).toBe(0);
  });
});
