import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { openDatabase } from "../db/open-database.js";
import { holdMonitoring } from "../evidence/monitoring-holds.js";
import { buildIncident } from "../incidents/test-support/incident-builders.js";
import { inTransaction } from "../platform/context/write-context.js";
import { testActor } from "../test-support/builders.js";
import { runVigil } from "./test-support/run-vigil.js";

it("lists monitoring holds and releases one with a reason, naming each refusal", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-holds-cli-"));
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
  expect(runVigil(["incidents", "holds"], env).stdout).toBe("No monitoring holds.\n");
  const database = await openDatabase(join(dataDir, "vigil.db"));
  let holdId: string;
  try {
    const school = await database.db.selectFrom("schools").select("id").executeTakeFirstOrThrow();
    const incidentId = await buildIncident(database, school.id, { device: "LAPTOP-CLI-1" });
    holdId = (
      await inTransaction(database, { actor: testActor, ip: null }, (ctx) =>
        holdMonitoring(ctx, {
          schoolId: school.id,
          device: "LAPTOP-CLI-1",
          userName: "spupil",
          incidentId,
          reason: "held for a police investigation (suspected CSAM)",
        }),
      )
    ).id;
  } finally {
    await database.close();
  }

  const listed = runVigil(["incidents", "holds"], env);
  expect(listed.stderr).toBe("");
  expect(listed.stdout).toContain(`${holdId}  since `);
  expect(listed.stdout).toContain("device LAPTOP-CLI-1 and user spupil");
  expect(listed.stdout).toContain("(in force)");

  const noReason = runVigil(["incidents", "release-hold", holdId, "--reason", " "], env);
  expect(noReason.status).toBe(2);
  expect(noReason.stderr).toContain("reason: reason is required");
  const unknown = runVigil(
    ["incidents", "release-hold", "00000000-0000-4000-8000-000000000000", "--reason", "case closed"],
    env,
  );
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toContain("There is no monitoring hold 00000000-0000-4000-8000-000000000000");

  const released = runVigil(["incidents", "release-hold", holdId, "--reason", "Police closed the case"], env);
  expect(released.stderr).toBe("");
  expect(released.stdout).toContain("Released the monitoring hold on device LAPTOP-CLI-1 and user spupil");
  const again = runVigil(["incidents", "release-hold", holdId, "--reason", "again"], env);
  expect(again.status).toBe(1);
  expect(again.stderr).toMatch(/already released on \S+ by vigil command-line/);

  expect(runVigil(["incidents", "holds"], env).stdout).toBe("No monitoring holds.\n");
  const all = runVigil(["incidents", "holds", "--released", "--json"], env);
  expect(JSON.parse(all.stdout)).toMatchObject({ id: holdId, release_reason: "Police closed the case" });
  expect(runVigil(["audit", "verify"], env).status).toBe(0);
}, 180_000);
