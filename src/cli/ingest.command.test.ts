/** `vigil ingest-key` and `vigil ingest` as an operator runs them: real processes, a real data folder. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runVigil } from "./test-support/run-vigil.js";

it("creates, lists and revokes ingest keys, audited, and ingests a log with a checkpoint", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-ingest-cli-"));
  const env = { VIGIL_DATA_DIR: dataDir };
  const setup = runVigil(
    [
      ...["setup", "--organisation", "Elm Trust", "--kind", "trust", "--school", "Elm Primary"],
      ...["--admin-name", "Sam", "--admin-email", "sam@elm.example", "--password-stdin"],
    ],
    env,
    "a long enough password\n",
  );
  expect(setup.status).toBe(0);

  const created = runVigil(["ingest-key", "create", "--school", "Elm Primary", "--name", "Squid proxy"], env);
  expect(created.stderr).toBe("");
  const secret = /^\s+(vik_\S+)$/m.exec(created.stdout)?.[1];
  const id = /Created ingest key (\S+)/.exec(created.stdout)?.[1];
  expect(secret).toBeDefined();
  const listed = runVigil(["ingest-key", "list"], env);
  expect(listed.stdout).toContain('"Squid proxy"');
  expect(listed.stdout).not.toContain(secret);
  expect(runVigil(["ingest-key", "revoke", id ?? ""], env).status).toBe(0);
  expect(runVigil(["ingest-key", "list"], env).stdout).toMatch(/revoked/);
  expect(runVigil(["audit", "verify"], env).status).toBe(0);

  const log = join(dataDir, "access.log");
  const line =
    "1157689320.327   2864 10.105.21.199 TCP_MISS/200 10182 GET http://www.example.com/ badeyek DIRECT/1.2.3.4 text/html\n";
  writeFileSync(log, `${line}not a squid line\n${line.replace(".327", ".328")}`);
  const first = runVigil(["ingest", "squid", log], env);
  expect(first.stderr).toBe("");
  expect(first.stdout).toContain("Read 3 lines");
  expect(first.stdout).toContain("2 events stored");
  expect(first.stdout).toMatch(/line 2: expected 10 fields/);
  const second = runVigil(["ingest", "squid", log], env);
  expect(second.stdout).toMatch(/Resumed at byte \d+/);
  expect(second.stdout).toContain("Read 0 lines");
  expect(runVigil(["ingest", "carrier-pigeon", log], env).stderr).toMatch(/unknown log format/);
});
