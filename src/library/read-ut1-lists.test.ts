import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../platform/errors/app-error.js";
import { readUt1Lists, type Ut1Progress } from "./read-ut1-lists.js";
import { buildUt1Folder, buildUt1Tarball, tempFolder, type Ut1Fixture } from "./test-support/ut1-builders.js";

const fixture: Ut1Fixture = {
  gambling: { domains: ["# a comment", "Bet365.COM.", "bet365.com", "", "  casino.example  "], urls: ["example.org/poker"] },
  adult: { domains: ["adult.example"], urls: ["example.net/adult"] },
  redirector: { domains: ["proxy.example", "hide.example"] },
  strict_redirector: { domains: ["hide.example", "proxy.example"], urls: ["example.com/proxy"] },
  drogue: { domains: ["bücher.example"] },
  shopping: { domains: ["shop.example"] },
};

async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).id).toBe("validation_failed");
  return error as AppError;
}

describe("readUt1Lists refuses", () => {
  it("a path that does not exist", async () => {
    const error = await refusalOf(readUt1Lists(join(tempFolder(), "missing")));
    expect(error.message).toMatch(/missing does not exist/);
  });

  it("a file that is not a .tar.gz", async () => {
    const file = join(tempFolder(), "lists.txt");
    writeFileSync(file, "bet365.com\n");
    expect((await refusalOf(readUt1Lists(file))).message).toMatch(/neither a folder nor a \.tar\.gz/);
  });

  it("a folder with no recognised category, naming what was expected", async () => {
    const folder = buildUt1Folder({ notes: {} });
    const error = await refusalOf(readUt1Lists(folder));
    expect(error.message).toMatch(/No UT1 category found .*gambling\/domains/);
    expect(error.details.hint).toContain("gambling, arjel");
    await refusalOf(readUt1Lists(folder, { all: true }));
  });

  it("a corrupt tarball", async () => {
    const file = join(tempFolder(), "blacklists.tar.gz");
    writeFileSync(file, Buffer.from("\x1f\x8b\x08\x00this is not really gzip", "binary"));
    expect((await refusalOf(readUt1Lists(file))).message).toMatch(/is not a readable \.tar\.gz/);
  });

  it("a category that is not there, listing those that are", async () => {
    const error = await refusalOf(readUt1Lists(buildUt1Folder(fixture), { categories: ["gambling", "jeux"] }));
    expect(error.message).toMatch(/No jeux list/);
    expect(error.details.hint).toContain("gambling");
  });
});

describe("readUt1Lists reads", () => {
  it("the school set from a folder, canonicalised, in the shipped order", async () => {
    const { lists, notes } = await readUt1Lists(buildUt1Folder(fixture));
    expect(lists.map((list) => list.category)).toEqual(["adult", "drogue", "gambling", "redirector", "strict_redirector"]);
    expect(lists.find((list) => list.category === "gambling")).toEqual({
      category: "gambling",
      domains: ["bet365.com", "casino.example"],
      urls: ["example.org/poker"],
    });
    expect(lists.find((list) => list.category === "drogue")?.domains).toEqual(["xn--bcher-kva.example"]);
    // adult-top1m stands in for UT1's adult domains; its URL prefixes stay.
    expect(lists[0]).toEqual({ category: "adult", domains: [], urls: ["example.net/adult"] });
    expect(lists.at(-1)).toEqual({ category: "strict_redirector", domains: [], urls: ["example.com/proxy"] });
    expect(notes).toEqual({ strict_redirector: "domains identical to redirector, kept there only" });
  });

  it("every category with --all, leaving out aliases", async () => {
    const folder = buildUt1Folder(fixture, tempFolder(), { jeux: "gambling" });
    const { lists } = await readUt1Lists(folder, { all: true });
    expect(lists.map((list) => list.category)).toEqual([
      "adult",
      "drogue",
      "gambling",
      "redirector",
      "shopping",
      "strict_redirector",
    ]);
  });

  it("the categories named, an alias or adult's domains included", async () => {
    const folder = buildUt1Folder(fixture, tempFolder(), { jeux: "gambling" });
    const { lists } = await readUt1Lists(folder, { categories: ["jeux", "adult", "jeux"] });
    expect(lists.map((list) => [list.category, list.domains])).toEqual([
      ["jeux", ["bet365.com", "casino.example"]],
      ["adult", ["adult.example"]],
    ]);
  });

  it("a tarball as UT1 ships it, the same as the folder", async () => {
    const tarball = await buildUt1Tarball(fixture, { jeux: "gambling" });
    expect(await readUt1Lists(tarball, { all: true })).toEqual({
      ...(await readUt1Lists(buildUt1Folder(fixture), { all: true })),
      source: tarball,
    });
    expect((await readUt1Lists(tarball, { categories: ["jeux"] })).lists[0]?.domains).toEqual([
      "bet365.com",
      "casino.example",
    ]);
  });

  it("nothing a tarball's links point at outside it", async () => {
    const work = tempFolder();
    const outside = buildUt1Folder({ secret: { domains: ["outside.example"] } }, join(work, "outside"));
    const folder = buildUt1Folder({ gambling: { domains: ["bet365.com"] } }, join(work, "blacklists"));
    symlinkSync(join(outside, "secret"), join(folder, "secret"));
    symlinkSync("../outside/secret", join(folder, "escape"));
    const tarball = join(work, "blacklists.tar.gz");
    const { create } = await import("tar");
    await create({ gzip: true, file: tarball, cwd: work }, ["blacklists"]);
    const { lists } = await readUt1Lists(tarball, { all: true });
    expect(lists.map((list) => list.category)).toEqual(["gambling"]);
  });

  it("reporting categories done and domains so far", async () => {
    const progress: Ut1Progress[] = [];
    await readUt1Lists(buildUt1Folder(fixture), {}, (step) => progress.push(step));
    expect(progress.map((step) => `${step.done}/${step.total} ${step.category} ${step.domains}`)).toEqual([
      "1/5 adult 0",
      "2/5 drogue 1",
      "3/5 gambling 3",
      "4/5 redirector 5",
      "5/5 strict_redirector 5",
    ]);
  });
});
