/** `vigil user expire` and `vigil access requests|review` as an operator runs them. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runVigil } from "./test-support/run-vigil.js";

it("expires a supply teacher's account and shows it in the access review, with clear errors", () => {
  const env = { VIGIL_DATA_DIR: mkdtempSync(join(tmpdir(), "vigil-access-cli-")) };
  const setup = runVigil(
    [
      ...["setup", "--organisation", "Oak Trust", "--kind", "trust", "--school", "Oak Primary"],
      ...["--admin-name", "Ada", "--admin-email", "ada@oak.example", "--password-stdin"],
    ],
    env,
    "a long enough password\n",
  );
  expect(setup.status).toBe(0);
  const add = [
    "user",
    "add",
    "--email",
    "supply@oak.example",
    "--name",
    "Sam Supply",
    "--role",
    "teacher",
    "--school",
    "Oak Primary",
  ];
  expect(runVigil([...add, "--password-stdin"], env, "tangerine otter walks slowly\n").status).toBe(0);

  const neither = runVigil(["user", "expire", "supply@oak.example"], env);
  expect(neither.status).toBe(2);
  expect(neither.stderr).toContain("Give either --on <date> or --never.");
  expect(runVigil(["user", "expire", "supply@oak.example", "--on", "friday"], env).stderr).toContain(
    "The expiry must be a date and time",
  );
  const past = runVigil(["user", "expire", "supply@oak.example", "--on", "2020-01-01T00:00:00Z"], env);
  expect(past.stderr).toContain("The expiry must be in the future");
  const inAWeek = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString();
  const set = runVigil(["user", "expire", "supply@oak.example", "--on", inAWeek], env);
  expect(set.stdout).toBe(`supply@oak.example ends at ${inAWeek}.\n`);

  const review = runVigil(["access", "review"], env);
  expect(review.status).toBe(0);
  expect(review.stdout).toContain(
    "Sam Supply <supply@oak.example>: teacher; pupil data: none  needs a look: never-signed-in",
  );
  expect(review.stdout).toContain("Never signed off. A review is due");
  const json = JSON.parse(runVigil(["access", "review", "--json"], env).stdout) as {
    report: { people: { email: string; expiresAt: string | null }[] };
    reportSha256: string;
  };
  expect(json.report.people.find((person) => person.email === "supply@oak.example")?.expiresAt).toBe(inAWeek);
  expect(json.reportSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(runVigil(["access", "requests"], env).stdout).toBe("No access requests.\n");
  expect(runVigil(["access", "requests", "--status", "maybe"], env).stderr).toContain(
    "--status must be one of",
  );
  expect(runVigil(["audit", "verify"], env).status).toBe(0);
}, 120_000);
