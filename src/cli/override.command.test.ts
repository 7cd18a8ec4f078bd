import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runVigil } from "./test-support/run-vigil.js";

it("a school suppresses a rule on one site, and scanning shows the effect and the reason", () => {
  const env = { VIGIL_DATA_DIR: mkdtempSync(join(tmpdir(), "vigil-override-")) };
  const setup = [
    "setup",
    "--organisation",
    "Ash School",
    "--admin-name",
    "Al",
    "--admin-email",
    "al@ash.example",
    "--password-stdin",
  ];
  expect(runVigil(setup, env, "a long enough password\n").status).toBe(0);

  const text = "how to kill myself";
  const before = runVigil(["scan", "--json", "--site", "www.samaritans.org", text], env);
  const rule = (JSON.parse(before.stdout) as { matches: { ruleId: string }[] }).matches[0]?.ruleId ?? "";
  expect(rule).toMatch(/^en\.self-harm\./);

  const missing = runVigil(
    ["override", "add", "suppression", "--rule", "en.nope.x", "--reason", "test"],
    env,
  );
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain("There is no rule en.nope.x");

  const added = runVigil(
    [
      "override",
      "add",
      "suppression",
      "--rule",
      rule,
      "--site",
      "samaritans.org",
      "--reason",
      "support site",
    ],
    env,
  );
  expect(added.stderr).toBe("");
  expect(added.status).toBe(0);

  const after = runVigil(["scan", "--school", "Ash School", "--site", "www.samaritans.org", text], env);
  expect(after.stdout).toMatch(/^Not flagged/);
  expect(after.stdout).toContain("suppressed by the school (on samaritans.org)");
  const elsewhere = runVigil(["scan", "--school", "Ash School", "--site", "example.com", text], env);
  expect(elsewhere.stdout).toMatch(/^FLAGGED/);

  expect(runVigil(["override", "list"], env).stdout).toContain(
    `suppression  ${rule} on samaritans.org  (in force`,
  );
});
