/** `vigil user ...` and `vigil token ...` as an operator runs them: real processes on a real data folder. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const tsxLoader = pathToFileURL(join(root, "node_modules", "tsx", "dist", "loader.mjs")).href;
const dataDir = mkdtempSync(join(tmpdir(), "vigil-users-"));

function vigil(args: string[], input?: string) {
  return spawnSync(process.execPath, ["--import", tsxLoader, join(root, "src", "main.ts"), ...args], {
    cwd: dataDir,
    env: { ...process.env, VIGIL_DATA_DIR: dataDir },
    input,
    encoding: "utf8",
  });
}

describe("vigil user and vigil token", () => {
  it("manages accounts and tokens from the shell, with clear errors, all audited", () => {
    const setup = ["setup", "--organisation", "Ash Trust", "--kind", "trust", "--school", "Ash Primary"];
    expect(
      vigil(
        [...setup, "--admin-name", "Ada", "--admin-email", "ada@ash.example", "--password-stdin"],
        "a long enough password\n",
      ).status,
    ).toBe(0);

    const add = ["user", "add", "--email", "Tom@Ash.example", "--name", "Tom", "--school", "ash primary"];
    const badRole = vigil(
      [...add, "--role", "janitor", "--password-stdin"],
      "tangerine otter walks slowly\n",
    );
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain("role: The role must be one of");
    const weak = vigil([...add, "--role", "teacher", "--password-stdin"], "password1234\n");
    expect(weak.stderr).toContain("password: The password is too easy to guess");
    const added = vigil([...add, "--role", "teacher", "--password-stdin"], "tangerine otter walks slowly\n");
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(/^Created tom@ash\.example \(.+\) as teacher\./);

    expect(
      vigil(["user", "grant", "tom@ash.example", "--school", "Ash Primary", "--role", "governor"]).stdout,
    ).toContain("Granted governor");
    expect(
      vigil(["user", "grant", "nobody@ash.example", "--school", "Ash Primary", "--role", "governor"]).stderr,
    ).toContain("No account has the email nobody@ash.example");
    expect(vigil(["user", "list", "--school", "Elm"]).stderr).toContain('No school is called "Elm"');
    expect(vigil(["user", "list"]).stdout).toMatch(/tom@ash\.example\tTom\tgovernor, teacher\n/);
    expect(vigil(["user", "disable", "tom@ash.example"]).stdout).toContain("Disabled tom@ash.example");
    expect(vigil(["user", "unlock", "tom@ash.example"]).status).toBe(0);

    const created = vigil([
      "token",
      "create",
      "--school",
      "Ash Primary",
      "--name",
      "Agent",
      "--scope",
      "events:write",
    ]);
    const tokenId = /Created API token (\S+)\./.exec(created.stdout)?.[1] ?? "";
    expect(created.stdout).toMatch(/\nvigil_\S+\n$/);
    expect(vigil(["token", "list"]).stdout).toContain(`${tokenId}\tAgent\tevents:write\tlast used never`);
    expect(vigil(["token", "revoke", tokenId]).stdout).toContain("Revoked API token");
    expect(
      vigil(["token", "create", "--school", "Ash Primary", "--name", "x", "--scope", "root"]).status,
    ).toBe(2);
    expect(vigil(["user", "--help"]).stdout).toMatch(
      /add[\s\S]*grant[\s\S]*revoke[\s\S]*unlock[\s\S]*disable[\s\S]*list/,
    );

    const db = new Database(join(dataDir, "vigil.db"), { readonly: true });
    const events = db
      .prepare("select event, actor_kind from audit_records where actor_kind = 'cli' order by created_at")
      .all() as { event: string }[];
    db.close();
    expect(events.map((row) => row.event)).toEqual(
      expect.arrayContaining([
        "user.created",
        "membership.granted",
        "user.disabled",
        "user.unlocked",
        "api-token.created",
        "api-token.revoked",
      ]),
    );
    expect(vigil(["audit", "verify"]).status).toBe(0);
  }, 120_000); // about twenty processes, each starting tsx
});
