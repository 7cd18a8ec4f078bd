import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildUt1Folder, buildUt1Tarball, tempFolder } from "../library/test-support/ut1-builders.js";
import { runVigil } from "./test-support/run-vigil.js";

describe("vigil url-lists import refuses", () => {
  const env = () => ({ VIGIL_DATA_DIR: tempFolder() });

  it("a path that does not exist, with exit code 2", () => {
    const missing = join(tempFolder(), "blacklists.tar.gz");
    const result = runVigil(["url-lists", "import", missing], env());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`vigil: ${missing} does not exist.`);
    expect(result.stderr).toContain("UT1's blacklists.tar.gz");
  });

  it("a file that is neither a folder nor a .tar.gz", () => {
    const file = join(tempFolder(), "domains.txt");
    writeFileSync(file, "bet365.com\n");
    const result = runVigil(["url-lists", "import", file], env());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("is neither a folder nor a .tar.gz file");
  });

  it("a folder without any UT1 category, naming what was expected", () => {
    const result = runVigil(["url-lists", "import", tempFolder()], env());
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/No UT1 category found .* gambling\/domains/);
  });

  it("a corrupt tarball", () => {
    const file = join(tempFolder(), "blacklists.tar.gz");
    writeFileSync(file, "not a tarball at all");
    const result = runVigil(["url-lists", "import", file], env());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`vigil: ${file} is not a readable .tar.gz`);
  });

  it("--all together with --categories", () => {
    const folder = buildUt1Folder({ gambling: { domains: ["bet.example"] } });
    const result = runVigil(["url-lists", "import", folder, "--all", "--categories", "gambling"], env());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Give either --all or --categories, not both.");
  });
});

describe("vigil url-lists import, then status and categorise", () => {
  it("uses the imported lists in place of the shipped ones", async () => {
    const env = { VIGIL_DATA_DIR: tempFolder() };
    const before = runVigil(["url-lists", "status"], env);
    expect(before.status).toBe(0);
    expect(before.stdout).toContain("UT1 lists: shipped with Vigil");

    const tarball = await buildUt1Tarball({
      gambling: { domains: ["casino-imported.example"] },
      shopping: { domains: ["shop-imported.example"] },
    });
    const imported = runVigil(["url-lists", "import", tarball, "--categories", "gambling,shopping"], env);
    expect(imported.stderr).toContain(`Reading UT1 lists from ${tarball}`);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("Imported 2 lists (2 domains, 0 URL prefixes)");

    const status = runVigil(["url-lists", "status"], env);
    expect(status.stdout).toContain(`UT1 lists: imported from ${tarball} on `);
    expect(status.stdout).toContain("ut1/shopping -> other (info): 1 domains, 0 URL prefixes");
    expect(status.stdout).toContain("adult-top1m/adult -> adult (alert): 11,868 domains");

    const seen = runVigil(["categorise", "https://www.casino-imported.example/"], env);
    expect(seen.status).toBe(0);
    expect(seen.stdout).toContain('gambling: ut1 list "gambling" matched casino-imported.example');
    expect(runVigil(["categorise", "https://www.bet365.com/"], env).stdout).toContain("On no category list.");
  });
});
