/**
 * The URL category lookup a data folder uses: the UT1 lists a school imported there
 * (`vigil url-lists import`), else the shipped ones (library/urls), with the shipped adult-top1m
 * list beside either. Built once per set of files: building takes a fraction of a second (more
 * for a full UT1 import), each lookup under a microsecond.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import {
  loadUrlListsFromText,
  parseUrlListBundle,
  type UrlListInput,
  type UrlLookup,
} from "../detection/urls/index.js";
import { urlListsRoot } from "./library-paths.js";

export const shippedUrlListFiles = ["ut1-default.lists.gz", "adult-top1m.lists.gz"] as const;

/** Where `vigil url-lists import` writes inside a data folder. */
export function importedUrlListPaths(dataDir: string): { dir: string; bundle: string; manifest: string } {
  const dir = join(dataDir, "url-lists");
  return { dir, bundle: join(dir, "ut1.lists.gz"), manifest: join(dir, "ut1.manifest.json") };
}

/** The bundle files a data folder uses, and whether its UT1 lists are imported or shipped. */
export function urlListFilesFor(dataDir: string | undefined): {
  origin: "imported" | "shipped";
  files: string[];
  /** Changes when a new import replaces the bundle (a new file each time, so a new inode). */
  version: string;
} {
  const [shippedUt1, shippedAdult] = shippedUrlListFiles.map((name) => join(urlListsRoot, name)) as [
    string,
    string,
  ];
  const imported = dataDir === undefined ? undefined : importedUrlListPaths(dataDir).bundle;
  const stats = imported === undefined ? undefined : statSync(imported, { throwIfNoEntry: false });
  if (imported === undefined || !stats?.isFile())
    return { origin: "shipped", files: [shippedUt1, shippedAdult], version: "shipped" };
  const version = `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
  return { origin: "imported", files: [imported, shippedAdult], version };
}

// One lookup per UT1 bundle (folders without an import share the shipped one), replaced rather
// than kept beside when a new import lands.
const lookups = new Map<string, { version: string; lookup: UrlLookup }>();

/** The shared lookup for `dataDir` (shipped lists only without one); rebuilt after a new import. */
export function urlLookupFor(dataDir?: string): UrlLookup {
  const { files, version } = urlListFilesFor(dataDir);
  const cached = lookups.get(files[0]!);
  if (cached?.version === version) return cached.lookup;
  const lookup = loadUrlListsFromText(files.map(readBundleText));
  lookups.set(files[0]!, { version, lookup });
  return lookup;
}

/** The lookup over the shipped lists only (callers without a data folder). */
export function shippedUrlLookup(): UrlLookup {
  return urlLookupFor(undefined);
}

/** The shipped lists themselves (library/urls), for what needs their entries, as `vigil demo` does. */
export function shippedUrlLists(): UrlListInput[] {
  return urlListFilesFor(undefined).files.flatMap((file) => parseUrlListBundle(readBundleText(file)));
}

/** A bundle file's text (every bundle is stored gzipped). */
function readBundleText(file: string): string {
  return gunzipSync(readFileSync(file)).toString("utf8");
}
