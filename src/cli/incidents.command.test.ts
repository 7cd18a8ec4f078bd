import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runVigil } from "./test-support/run-vigil.js";

it("reports, lists, shows, closes (head only) and exports an incident; a wrong key stops it", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-incidents-cli-"));
  const env = { VIGIL_DATA_DIR: dataDir };
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

  const future = runVigil(
    ["incidents", "report", "--who", "Sam", "--what", "x", "--when", "2099-01-01"],
    env,
  );
  expect(future.status).toBe(2);
  expect(future.stderr).toContain("when is in the future");

  const reported = runVigil(
    [
      "incidents",
      "report",
      "--who",
      "Sam",
      "--what",
      "Shared a fight video",
      "--when",
      "2026-11-20T09:00:00Z",
    ],
    env,
  );
  expect(reported.stderr).toBe("");
  const id = /incident ([0-9a-f-]{36})/.exec(reported.stdout)?.[1] ?? "";
  expect(runVigil(["incidents", "list"], env).stdout).toContain(`${id}  2026-11-20  open`);
  expect(runVigil(["incidents", "show", id], env).stdout).toContain(
    "[reported] Concern reported: Shared a fight video",
  );

  const notHead = runVigil(["incidents", "close", id, "--as", "al@elm.example", "--outcome", "done"], env);
  expect(notHead.status).not.toBe(0);
  expect(notHead.stderr).toContain("is not the head or SIRO");
  const addHead = runVigil(
    [
      "user",
      "add",
      "--email",
      "head@elm.example",
      "--name",
      "Hana Head",
      "--school",
      "Elm School",
      "--role",
      "head",
      "--password-stdin",
    ],
    env,
    "another long password\n",
  );
  expect(addHead.status).toBe(0);
  const closed = runVigil(
    ["incidents", "close", id, "--as", "head@elm.example", "--outcome", "Talked to parents"],
    env,
  );
  expect(closed.stderr).toBe("");
  expect(closed.stdout).toContain("by Hana Head <head@elm.example>");

  const out = join(dataDir, "bundle.tar");
  const exported = runVigil(["incidents", "export", id, "--out", out, "--reason", "LADO asked"], env);
  expect(exported.stderr).toBe("");
  expect(exported.stdout).toMatch(/SHA-256 [0-9a-f]{64}/);
  expect(existsSync(out)).toBe(true);
  expect(readdirSync(dataDir).some((name) => name === "evidence.key")).toBe(true);

  expect(runVigil(["audit", "verify"], env).status).toBe(0);
  const keyFile = join(dataDir, "evidence.key");
  const key = readFileSync(keyFile, "utf8");
  writeFileSync(keyFile, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
  const wrongKey = runVigil(["incidents", "export", id, "--out", out, "--reason", "again"], env);
  expect(wrongKey.status).not.toBe(0);
  expect(wrongKey.stderr).toContain("is not the key this instance's evidence was encrypted with");
  writeFileSync(keyFile, key);
}, 180_000);
