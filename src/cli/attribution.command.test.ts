/** `vigil attribution import|apply` as an operator runs them: real processes, a real data folder. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { runVigil } from "./test-support/run-vigil.js";

it("imports a lease CSV all or nothing, audited, and attributes stored events after the fact", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "vigil-attribution-cli-"));
  const env = { VIGIL_DATA_DIR: dataDir };
  const setup = runVigil(
    [
      ...["setup", "--organisation", "Elm Trust", "--kind", "trust", "--school", "Elm Primary"],
      ...["--admin-name", "Sam", "--admin-email", "sam@elm.example", "--password-stdin"],
    ],
    env,
    "a long enough password\n",
  );
  expect(setup.status).toBe(0);
  const log = join(dataDir, "access.log");
  // A squid line without a proxy user (`-`), from 10.105.21.199 at 2006-09-08T04:22:00.327Z.
  writeFileSync(
    log,
    "1157689320.327   2864 10.105.21.199 TCP_MISS/200 10182 GET http://www.example.com/ - DIRECT/1.2.3.4 text/html\n",
  );
  expect(runVigil(["ingest", "squid", log], env).stdout).toContain("1 events stored");
  expect(runVigil(["attribution", "apply"], env).stdout).toContain("Attributed 0 of 1 stored event(s)");

  const header = "ip,device,user,starts_at,ends_at,source\n";
  const lease = "10.105.21.199,LAPTOP-07,pupil.one,2006-09-08T04:00:00Z,2006-09-08T05:00:00Z,dhcp\n";
  const bad = join(dataDir, "bad.csv");
  writeFileSync(bad, `${header}${lease}10.105.21.200,LAPTOP-08,,yesterday,,\n`);
  const refused = runVigil(["attribution", "import", bad, "--school", "Elm Primary"], env);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toMatch(/line 3, starts_at: startsAt must be an ISO 8601 date-time/);
  expect(refused.stderr).toContain("nothing was imported");

  const db = () => new Database(join(dataDir, "vigil.db"), { readonly: true });
  const countAssignments = () => {
    const reader = db();
    const row = reader.prepare("select count(*) as n from ip_assignments").get() as { n: number };
    reader.close();
    return row.n;
  };
  expect(countAssignments()).toBe(0);

  const good = join(dataDir, "leases.csv");
  writeFileSync(good, `${header}${lease}10.105.21.200,,pupil.two,2006-09-08T04:00:00Z,,\n`);
  const imported = runVigil(["attribution", "import", good], env);
  expect(imported.stderr).toBe("");
  expect(imported.stdout).toContain("Imported 2 IP assignment(s)");
  expect(countAssignments()).toBe(2);

  const applied = runVigil(["attribution", "apply", "--school", "Elm Primary"], env);
  expect(applied.stdout).toContain("Attributed 1 of 1 stored event(s)");
  expect(runVigil(["attribution", "apply"], env).stdout).toContain("Attributed 0 of 0 stored event(s)");
  expect(runVigil(["audit", "verify"], env).status).toBe(0);

  const reader = db();
  const event = reader.prepare("select user_name, device, ip from events").get();
  const audit = reader.prepare("select data from audit_records where event = 'attribution.imported'").all();
  reader.close();
  expect(event).toEqual({ user_name: "pupil.one", device: "LAPTOP-07", ip: "10.105.21.199" });
  expect(audit).toEqual([{ data: JSON.stringify({ rows: 2, sources: { csv: 1, dhcp: 1 } }) }]);
}, 120_000);
