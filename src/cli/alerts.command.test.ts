import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { buildAlert } from "../alerts/test-support/alert-builders.js";
import { openDatabase } from "../db/open-database.js";
import { runVigil } from "./test-support/run-vigil.js";

it("lists, shows and triages alerts at the shell, refusing a bad status with exit code 2", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-alerts-"));
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
  let alertId: string;
  try {
    const school = await database.db.selectFrom("schools").select("id").executeTakeFirstOrThrow();
    alertId = await buildAlert(database, school.id, { userName: "pupil.elm" });
  } finally {
    await database.close();
  }

  const listed = runVigil(["alerts", "list", "--status", "new", "--min-severity", "3", "--json"], env);
  expect(listed.stderr).toBe("");
  const page = JSON.parse(listed.stdout) as { alerts: { id: string; user: string }[] };
  expect(page.alerts.map((alert) => alert.id)).toEqual([alertId]);

  const bad = runVigil(["alerts", "triage", alertId, "--status", "closed"], env);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain("status must be one of");

  const triaged = runVigil(
    ["alerts", "triage", alertId, "--status", "false-positive", "--note", "song lyrics"],
    env,
  );
  expect(triaged.stdout).toContain("new → false-positive");
  const shown = runVigil(["alerts", "show", alertId], env);
  expect(shown.stdout).toContain('The words "kill myself" matched rule en.self-harm.kill-myself');
  expect(shown.stdout).toContain("triaged new→false-positive: song lyrics");
  expect(runVigil(["alerts", "list", "--status", "new"], env).stdout).toContain("No alerts match.");
});
