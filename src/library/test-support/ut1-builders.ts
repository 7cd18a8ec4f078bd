/** Builders for URL-list tests: small UT1-format folders and tarballs in temporary folders. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create } from "tar";

export type Ut1Fixture = Record<string, { domains?: string[]; urls?: string[] }>;

/** A fresh temporary folder. */
export function tempFolder(prefix = "vigil-ut1-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `lists` as `<folder>/<category>/{domains,urls}`, plus `aliases` as symbolic links. */
export function buildUt1Folder(
  lists: Ut1Fixture,
  folder = tempFolder(),
  aliases: Record<string, string> = {},
): string {
  mkdirSync(folder, { recursive: true });
  for (const [category, { domains, urls }] of Object.entries(lists)) {
    mkdirSync(join(folder, category), { recursive: true });
    if (domains) writeFileSync(join(folder, category, "domains"), `${domains.join("\n")}\n`);
    if (urls) writeFileSync(join(folder, category, "urls"), `${urls.join("\n")}\n`);
  }
  for (const [alias, target] of Object.entries(aliases)) symlinkSync(target, join(folder, alias));
  return folder;
}

/** `lists` packed as UT1 ships them: `blacklists.tar.gz` with the categories under `blacklists/`. */
export async function buildUt1Tarball(lists: Ut1Fixture, aliases: Record<string, string> = {}): Promise<string> {
  const work = tempFolder();
  buildUt1Folder(lists, join(work, "blacklists"), aliases);
  writeFileSync(join(work, "blacklists", "README"), "UT1 blacklists (test copy)\n");
  const file = join(work, "blacklists.tar.gz");
  await create({ gzip: true, file, cwd: work }, ["blacklists"]);
  return file;
}
