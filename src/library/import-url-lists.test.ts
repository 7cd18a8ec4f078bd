import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { categoriseUrl, parseUrlListBundle } from "../detection/urls/index.js";
import { AppError } from "../platform/errors/app-error.js";
import { importUrlLists, urlListsStatus } from "./import-url-lists.js";
import { importedUrlListPaths, urlLookupFor } from "./shipped-url-lookup.js";
import { buildUt1Folder, buildUt1Tarball, tempFolder } from "./test-support/ut1-builders.js";

const now = new Date("2025-09-01T08:00:00.000Z");
const categoriesOf = (dataDir: string | undefined, url: string) =>
  categoriseUrl(urlLookupFor(dataDir), url).categories.map((hit) => `${hit.source}/${hit.list}`);

describe("importUrlLists", () => {
  it("refuses lists that are all empty, leaving no import behind", async () => {
    const dataDir = tempFolder();
    const folder = buildUt1Folder({ gambling: { domains: ["# nothing yet"] } });
    await expect(importUrlLists(folder, dataDir)).rejects.toThrow(AppError);
    expect(existsSync(importedUrlListPaths(dataDir).dir)).toBe(false);
    expect(urlListsStatus(dataDir).origin).toBe("shipped");
  });

  it("writes a gzipped bundle and a manifest into the data folder", async () => {
    const dataDir = tempFolder();
    const folder = buildUt1Folder({
      gambling: { domains: ["Casino-Imported.example", "bet.example"], urls: ["example.org/poker"] },
      vpn: { domains: ["tunnel.example"] },
    });
    const manifest = await importUrlLists(folder, dataDir, { now });
    const paths = importedUrlListPaths(dataDir);
    const text = gunzipSync(readFileSync(paths.bundle)).toString("utf8");
    expect(text).toContain(`# Imported from ${folder} on 2025-09-01T08:00:00.000Z by vigil url-lists import.`);
    expect(parseUrlListBundle(text)).toEqual([
      { source: "ut1", category: "gambling", domains: ["bet.example", "casino-imported.example"], urls: ["example.org/poker"] },
      { source: "ut1", category: "vpn", domains: ["tunnel.example"], urls: [] },
    ]);
    expect(manifest).toEqual({
      source: folder,
      importedAt: "2025-09-01T08:00:00.000Z",
      bytes: readFileSync(paths.bundle).length,
      lists: [
        { source: "ut1", category: "gambling", vigil: "gambling", kind: "alert", domains: 2, urls: 1 },
        { source: "ut1", category: "vpn", vigil: "proxy-hacking", kind: "alert", avoidance: "vpn", domains: 1, urls: 0 },
      ],
    });
    expect(JSON.parse(readFileSync(paths.manifest, "utf8"))).toEqual(manifest);
  });

  it("is then used in place of the shipped UT1 lists, beside the shipped adult list", async () => {
    const dataDir = tempFolder();
    expect(urlListsStatus(dataDir)).toMatchObject({ origin: "shipped", imported: null });
    expect(categoriesOf(dataDir, "https://www.bet365.com/")).toContain("ut1/gambling");

    const tarball = await buildUt1Tarball({ gambling: { domains: ["casino-imported.example"] } });
    await importUrlLists(tarball, dataDir, { now });
    expect(categoriesOf(dataDir, "https://www.casino-imported.example/")).toEqual(["ut1/gambling"]);
    expect(categoriesOf(dataDir, "https://www.bet365.com/")).toEqual([]);
    expect(categoriesOf(dataDir, "https://pornhub.com/")).toEqual(["adult-top1m/adult"]);
    // Other data folders, and callers without one, keep the shipped lists.
    expect(categoriesOf(undefined, "https://www.casino-imported.example/")).toEqual([]);

    const status = urlListsStatus(dataDir);
    expect(status.origin).toBe("imported");
    expect(status.imported).toMatchObject({ source: tarball, importedAt: "2025-09-01T08:00:00.000Z" });
    expect(status.lists.map((list) => `${list.source}/${list.category} ${list.domains}`)).toEqual([
      "ut1/gambling 1",
      "adult-top1m/adult 11868",
    ]);
  });

  it("replaces an earlier import, and a failed one leaves it whole", async () => {
    const dataDir = tempFolder();
    await importUrlLists(buildUt1Folder({ gambling: { domains: ["first.example"] } }), dataDir);
    expect(categoriesOf(dataDir, "http://first.example/")).toEqual(["ut1/gambling"]);
    await importUrlLists(buildUt1Folder({ gambling: { domains: ["second.example"] } }), dataDir);
    expect(categoriesOf(dataDir, "http://first.example/")).toEqual([]);
    expect(categoriesOf(dataDir, "http://second.example/")).toEqual(["ut1/gambling"]);

    await expect(importUrlLists(join(tempFolder(), "missing.tar.gz"), dataDir)).rejects.toThrow(/does not exist/);
    expect(categoriesOf(dataDir, "http://second.example/")).toEqual(["ut1/gambling"]);
  });
});
