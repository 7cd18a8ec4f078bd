/** `vigil sso ...` as an operator runs it: real processes, a real data folder, a real OpenID provider. */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestOidcProvider,
  type TestOidcProvider,
} from "../identity/sso/test-support/test-oidc-provider.js";
import { vigilArgs } from "./test-support/run-vigil.js";

const dataDir = mkdtempSync(join(tmpdir(), "vigil-sso-cli-"));

// Asynchronous (not spawnSync): the OpenID provider answering discovery runs in this process.
function vigil(
  args: string[],
  input?: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...vigilArgs, ...args], {
      cwd: dataDir,
      env: { ...process.env, VIGIL_DATA_DIR: dataDir, VIGIL_PUBLIC_URL: "https://vigil.ash.example" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => {
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(input ?? "");
  });
}

describe("vigil sso", () => {
  let idp: TestOidcProvider;

  beforeAll(async () => {
    idp = await startTestOidcProvider({});
    idp.configure(["https://vigil.ash.example/callback"]);
    const setup = ["setup", "--organisation", "Ash Trust", "--kind", "trust", "--school", "Ash Primary"];
    const done = await vigil(
      [...setup, "--admin-name", "Ada", "--admin-email", "ada@ash.example", "--password-stdin"],
      "a long enough password\n",
    );
    expect(done.status).toBe(0);
  }, 60_000);
  afterAll(() => idp.close());

  it("adds, lists and removes a provider, refusing bad input with exit code 2", async () => {
    const add = [
      "sso",
      "add",
      "--client-id",
      idp.clientId,
      "--client-secret-stdin",
      "--domain",
      "ash.example",
    ];
    const badKind = await vigil([...add, "--kind", "facebook"], "secret\n");
    expect(badKind.status).toBe(2);
    expect(badKind.stderr).toContain("kind: The kind must be one of google, microsoft, oidc");
    const noTenant = await vigil([...add, "--kind", "microsoft"], "secret\n");
    expect(noTenant.status).toBe(2);
    expect(noTenant.stderr).toContain("issuer: The issuer is required");
    const noSecret = await vigil([
      "sso",
      "add",
      "--kind",
      "google",
      "--client-id",
      "x",
      "--domain",
      "ash.example",
    ]);
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr).toContain("No client secret given.");
    const unreachable = await vigil([...add, "--kind", "oidc", "--issuer", "http://127.0.0.1:9"], "secret\n");
    expect(unreachable.status).toBe(2);
    expect(unreachable.stderr).toContain("could not be discovered");

    const added = await vigil(
      [
        ...add,
        "--kind",
        "oidc",
        "--issuer",
        idp.issuer,
        "--label",
        "Ash login",
        "--domain",
        "staff.ash.example",
      ],
      `${idp.clientSecret}\n`,
    );
    expect(added.stderr).toBe("");
    expect(added.status).toBe(0);
    const id = /\(([0-9a-f-]{36})\)/.exec(added.stdout)?.[1] ?? "";
    expect(added.stdout).toContain(`https://vigil.ash.example/api/v1/auth/sso/${id}/callback`);

    const listed = await vigil(["sso", "list"]);
    expect(listed.stdout).toContain(`${id}\toidc\tAsh login\t${idp.issuer}\tash.example,staff.ash.example`);
    expect(listed.stdout).not.toContain(idp.clientSecret);
    const db = new Database(join(dataDir, "vigil.db"), { readonly: true });
    const row = db.prepare("select client_secret_sealed from identity_providers where id = ?").get(id) as {
      client_secret_sealed: string;
    };
    const events = db.prepare("select event from audit_records where subject_id = ?").all(id);
    db.close();
    expect(row.client_secret_sealed).not.toContain(idp.clientSecret);
    expect(events).toEqual([{ event: "identity-provider.added" }]);

    const wrongId = await vigil(["sso", "remove", "00000000-0000-4000-8000-000000000000"]);
    expect(wrongId.status).toBe(1);
    expect(wrongId.stderr).toContain("has no identity provider");
    expect((await vigil(["sso", "remove", id])).stdout).toContain(`Removed Ash login (${id}).`);
    expect((await vigil(["sso", "list"])).stdout).toBe("No identity providers.\n");
  }, 120_000);
});
