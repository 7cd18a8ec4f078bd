/**
 * The crash test for file intake: `vigil ingest --follow` is killed with SIGKILL in the middle of
 * a log while it keeps growing; the next run resumes from its checkpoint and stores exactly the
 * lines the killed run had not, so every line is stored once: no gap, no duplicate.
 */
import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { runVigil, vigilArgs } from "./test-support/run-vigil.js";

const firstPart = 60_000;
const appendedWhileDown = 5_000;

/** A Squid native line; each has its own time and URL, so each is a distinct event. */
function squidLine(index: number): string {
  const time = (1_700_000_000 + index / 1000).toFixed(3);
  return `${time}    12 10.0.${(index >> 8) & 255}.${index & 255} TCP_MISS/200 512 GET http://site${index % 97}.example/page/${index} pupil${index % 600} HIER_DIRECT/1.2.3.4 text/html\n`;
}

function lines(from: number, to: number): string {
  let text = "";
  for (let index = from; index < to; index += 1) text += squidLine(index);
  return text;
}

it("resumes exactly where a SIGKILLed `vigil ingest --follow` stopped", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-ingest-crash-"));
  const env = { ...process.env, VIGIL_DATA_DIR: dataDir };
  const setup = runVigil(
    [
      ...["setup", "--organisation", "Ash Trust", "--kind", "trust", "--school", "Ash Primary"],
      ...["--admin-name", "Kim", "--admin-email", "kim@ash.example", "--password-stdin"],
    ],
    { VIGIL_DATA_DIR: dataDir },
    "a long enough password\n",
  );
  expect(setup.status, setup.stderr).toBe(0);
  const log = join(dataDir, "access.log");
  writeFileSync(log, lines(0, firstPart));

  const database = new Database(join(dataDir, "vigil.db"), { readonly: true });
  const storedEvents = () => (database.prepare("select count(*) as n from events").get() as { n: number }).n;
  try {
    const follower = spawn(process.execPath, [...vigilArgs, "ingest", "squid", log, "--follow"], {
      cwd: dataDir,
      env,
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => follower.once("exit", resolve));
    // Kill it once it has stored some of the file but not all of it.
    const deadline = Date.now() + 60_000;
    while (storedEvents() < 2_000) {
      if (Date.now() > deadline) throw new Error("the follower stored nothing within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    follower.kill("SIGKILL");
    await exited;
    const storedBeforeKill = storedEvents();
    expect(storedBeforeKill).toBeLessThan(firstPart);

    // The log keeps growing while Vigil is down.
    appendFileSync(log, lines(firstPart, firstPart + appendedWhileDown));
    const resumed = runVigil(["ingest", "squid", log], { VIGIL_DATA_DIR: dataDir });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/Resumed at byte [1-9]\d* \(checkpoint\)/);
    const stored = Number(/(\d+) events stored/.exec(resumed.stdout)?.[1]);
    // The resumed run read only what the killed one had not committed: nothing twice, nothing missed.
    expect(resumed.stdout).toContain("0 already stored");
    expect(stored).toBe(firstPart + appendedWhileDown - storedBeforeKill);
    expect(storedEvents()).toBe(firstPart + appendedWhileDown);
  } finally {
    database.close();
  }
}, 120_000);
