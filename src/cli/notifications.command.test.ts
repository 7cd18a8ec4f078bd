import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runVigil } from "./test-support/run-vigil.js";

it("adds contacts and the default policies, refuses a loop, and runs due jobs for cron", () => {
  const env = { VIGIL_DATA_DIR: mkdtempSync(join(tmpdir(), "vigil-notify-")) };
  const setup = [
    "setup",
    "--organisation",
    "Elm School",
    "--admin-name",
    "Al",
    "--admin-email",
    "al@elm.example",
    "--password-stdin",
  ];
  expect(runVigil(setup, env, "a long enough password\n").status).toBe(0);

  const noAddress = runVigil(["notifications", "contacts", "add", "--name", "Nobody"], env);
  expect(noAddress.status).toBe(2);
  expect(noAddress.stderr).toContain("email: give an email address or a webhook URL");

  const add = (name: string, email: string) => {
    const result = runVigil(
      ["notifications", "contacts", "add", "--name", name, "--email", email, "--hours", "08:00-17:00"],
      env,
    );
    expect(result.status, result.stderr).toBe(0);
    return /Added contact ([0-9a-f-]{36})/.exec(result.stdout)?.[1] ?? "";
  };
  const dsl = add("Sam (DSL)", "dsl@elm.example");
  const nm = add("Nat (network)", "nm@elm.example");
  expect(runVigil(["notifications", "contacts", "list"], env).stdout).toContain(
    "Sam (DSL)  <dsl@elm.example>  mon,tue,wed,thu,fri 08:00-17:00 Europe/London",
  );

  const loop = runVigil(
    ["notifications", "policies", "add", "--name", "loop", "--chain", `${dsl},${dsl}`, "--deadline", "5=0"],
    env,
  );
  expect(loop.status).toBe(2);
  expect(loop.stderr).toContain("chain[1]: contact");
  expect(loop.stderr).toContain("deadlines.5: a deadline must be at least 1 minute");

  const defaults = runVigil(
    ["notifications", "policies", "add-defaults", "--dsl", dsl, "--network-manager", nm],
    env,
  );
  expect(defaults.status, defaults.stderr).toBe(0);
  const listed = runVigil(["notifications", "policies", "list"], env).stdout;
  expect(listed).toContain("Self-harm and grooming, severity 4+: DSL at once, day or night");
  expect(listed).toContain("at once, day or night");
  expect(listed).toContain(`chain: ${nm} -> ${dsl}`);

  // Nothing is waiting to be sent; tonight's retention purge is planned and, once due, run.
  const run = runVigil(["jobs", "run-due"], env);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/Ran [01] jobs: [01] succeeded, 0 skipped, 0 failed\./);
  expect(runVigil(["notifications", "deliveries"], env).stdout).toContain("No deliveries.");
}, 180_000);
