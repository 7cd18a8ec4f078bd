/** `vigil directory import|pupils` as an operator runs them: real processes, a real data folder. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AdmZip from "adm-zip";
import { expect, it } from "vitest";
import { elmBundle, elmSchoolName } from "../directory/test-support/oneroster-fixtures.js";
import { runVigil } from "./test-support/run-vigil.js";

function writeFolder(folder: string, files: Record<string, string>): string {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

it("imports a bundle folder or zip all or nothing, reports changes, re-imports as a no-op, and marks leavers", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-directory-cli-"));
  const env = { VIGIL_DATA_DIR: dataDir };
  const setup = runVigil(
    [
      ...["setup", "--organisation", "Elm Trust", "--kind", "trust", "--school", elmSchoolName],
      ...["--admin-name", "Sam", "--admin-email", "sam@elm.example", "--password-stdin"],
    ],
    env,
    "a long enough password\n",
  );
  expect(setup.status).toBe(0);

  const bad = writeFolder(
    join(dataDir, "bad"),
    elmBundle({ users: { "stu-3": "stu-3,,,true,org-elm,wizard,lwong,,Lee,Wong,,,,,,,07," } }),
  );
  const refused = runVigil(["directory", "import", bad], env);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain("nothing was imported");
  expect(refused.stderr).toContain('users.csv line 4, role: unknown role "wizard"');

  const good = writeFolder(join(dataDir, "elm"), elmBundle());
  const dry = runVigil(["directory", "import", good, "--dry-run"], env);
  expect(dry.stdout).toContain("Dry run (nothing stored): 4 added, 0 changed, 0 left, 0 unchanged.");
  const imported = runVigil(["directory", "import", good, "--school", elmSchoolName], env);
  expect(imported.status).toBe(0);
  expect(imported.stderr).toContain("Checked every row: 3 pupil(s), 1 member(s) of staff");
  expect(imported.stdout).toContain("Imported: 4 added, 0 changed, 0 left, 0 unchanged.");

  const zip = new AdmZip();
  for (const [name, text] of Object.entries(elmBundle())) zip.addFile(`export/${name}`, Buffer.from(text));
  const zipPath = join(dataDir, "elm.zip");
  zip.writeZip(zipPath);
  expect(runVigil(["directory", "import", zipPath], env).stdout).toContain(
    "Imported: 0 added, 0 changed, 0 left, 4 unchanged.",
  );

  const without = writeFolder(
    join(dataDir, "elm-later"),
    elmBundle({ users: { "stu-2": undefined }, enrolments: { "stu-2": undefined } }),
  );
  const later = runVigil(["directory", "import", without], env);
  expect(later.stdout).toContain("Imported: 0 added, 0 changed, 1 left, 3 unchanged.");
  expect(later.stdout).toContain("Leavers' usernames are no longer monitored.");

  const listed = runVigil(["directory", "pupils", "--status", "all"], env);
  expect(listed.status).toBe(0);
  const lines = listed.stdout.trim().split("\n");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/^Patel, Asha\t08\t8B\tleft \d{4}-\d{2}-\d{2}\tapatel$/);
  expect(lines[1]).toBe("Smith, John\t07\t7A\tactive\tj.smith@elm.example jsmith");
  expect(runVigil(["directory", "pupils", "--status", "gone"], env).status).toBe(2);
  expect(runVigil(["audit", "verify"], env).status).toBe(0);
}, 180_000);
