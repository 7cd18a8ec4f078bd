import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { openDatabase } from "../db/open-database.js";
import { phrasesRoot } from "../library/library-paths.js";
import { writeLibraryFolder } from "../library/test-support/library-folder-builders.js";
import { runVigil } from "./test-support/run-vigil.js";

it("replays through a proposed library at the shell, refusing a bad one by file and line", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-what-if-"));
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
  try {
    const school = await database.db.selectFrom("schools").select("id").executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await database.db
      .insertInto("events")
      .values(
        ["i want to kill myself", "lunch was nice"].map((text) => ({
          id: randomUUID(),
          school_id: school.id,
          source: "test",
          sender_id: randomUUID(),
          kind: "typed-text",
          time: now,
          user_name: "pupil.elm",
          device: null,
          ip: null,
          url: null,
          host: null,
          text,
          action: null,
          filter_category: null,
          detail: null,
          received_at: now,
          processed_at: now,
        })),
      )
      .execute();
  } finally {
    await database.close();
  }

  // The shipped library with one rule taken out: its alert would disappear.
  const proposed = mkdtempSync(join(tmpdir(), "vigil-proposed-"));
  cpSync(phrasesRoot, join(proposed, "phrases"), { recursive: true });
  const selfHarm = join(proposed, "phrases", "en", "self-harm.yaml");
  const text = readFileSync(selfHarm, "utf8");
  const start = text.indexOf("  - id: kill-myself\n");
  const end = text.indexOf("  - id:", start + 1);
  expect(start).toBeGreaterThan(0);
  writeFileSync(selfHarm, text.slice(0, start) + text.slice(end));

  const replayed = runVigil(["alerts", "what-if", "--library", proposed], env);
  expect(replayed.stderr).toBe("");
  expect(replayed.status).toBe(0);
  expect(replayed.stdout).toContain("2 events replayed");
  expect(replayed.stdout).toContain("Alerts: 1 today, 0 with the new library.");
  expect(replayed.stdout).toMatch(/Would disappear: 1\.\n.*pupil\.elm +sev 4 +en\.self-harm\.kill-myself/);

  const bad = writeLibraryFolder("self-harm", [
    { id: "one", phrase: "kill myself" },
    { id: "one", phrase: "hurt myself" },
  ]);
  const refused = runVigil(["alerts", "what-if", "--library", bad], env);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toMatch(/phrases\/en\/self-harm\.yaml:\d+: en\.self-harm\.one: duplicate id/);
  expect(runVigil(["alerts", "what-if", "--library", join(bad, "missing")], env).status).toBe(2);
});
