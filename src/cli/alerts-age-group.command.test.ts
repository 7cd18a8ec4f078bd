import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { buildAlert } from "../alerts/test-support/alert-builders.js";
import { openDatabase } from "../db/open-database.js";
import { buildPupil } from "../directory/test-support/directory-builders.js";
import { runVigil } from "./test-support/run-vigil.js";

it("lists only the alerts of an age group, refusing an unknown one with exit code 2", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-alerts-age-"));
  const env = { VIGIL_DATA_DIR: dataDir };
  const setup = [
    "setup",
    "--organisation",
    "Elm School",
    "--admin-name",
    "Al",
    "--admin-email",
    "al@elm.example",
  ];
  expect(runVigil([...setup, "--password-stdin"], env, "a long enough password\n").status).toBe(0);
  const database = await openDatabase(join(dataDir, "vigil.db"));
  let year8: string;
  try {
    const school = await database.db.selectFrom("schools").select("id").executeTakeFirstOrThrow();
    await buildPupil(database, school.id, { username: "amy.y8", yearGroup: "8" });
    await buildPupil(database, school.id, { username: "ben.y4", yearGroup: "4" });
    year8 = await buildAlert(database, school.id, { userName: "amy.y8" });
    await buildAlert(database, school.id, { userName: "ben.y4" });
  } finally {
    await database.close();
  }

  const listed = runVigil(["alerts", "list", "--age-group", "key-stage-3", "--json"], env);
  expect(listed.stderr).toBe("");
  const page = JSON.parse(listed.stdout) as { alerts: { id: string; ageGroup: string | null }[] };
  expect(page.alerts).toEqual([expect.objectContaining({ id: year8, ageGroup: "key-stage-3" })]);

  const bad = runVigil(["alerts", "list", "--age-group", "ks3"], env);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain("ageGroup must be one of early-years");
});
