/**
 * A school's own copy of the UT1 lists (`vigil url-lists import`): read from a folder or UT1's
 * blacklists.tar.gz, canonicalised, and written into `<dataDir>/url-lists/` as one gzipped bundle
 * and a manifest. `urlLookupFor(dataDir)` then prefers it to the shipped UT1 bundle.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";
import { formatUrlListBundle, resolveListMapping, type UrlListInput } from "../detection/urls/index.js";
import { AppError } from "../platform/errors/app-error.js";
import { urlListsRoot } from "./library-paths.js";
import { readUt1Lists, UT1_ATTRIBUTION, type Ut1Progress, type Ut1Selection } from "./read-ut1-lists.js";
import { importedUrlListPaths, urlListFilesFor } from "./shipped-url-lookup.js";

/** One list's counts and mapping, as the shipped manifest (library/urls/manifest.json) has them. */
export const UrlListCountsSchema = z.object({
  source: z.string(),
  category: z.string(),
  vigil: z.string(),
  kind: z.string(),
  avoidance: z.string().optional(),
  domains: z.number().int(),
  urls: z.number().int(),
  note: z.string().optional(),
});
export type UrlListCounts = z.infer<typeof UrlListCountsSchema>;

export const ImportedUrlListsManifestSchema = z.object({
  source: z.string(),
  importedAt: z.iso.datetime(),
  bytes: z.number().int(),
  lists: z.array(UrlListCountsSchema),
});
export type ImportedUrlListsManifest = z.infer<typeof ImportedUrlListsManifestSchema>;

const ShippedManifestSchema = z.object({ lists: z.array(UrlListCountsSchema) });

export type ImportUrlListsOptions = {
  selection?: Ut1Selection;
  onProgress?: (progress: Ut1Progress) => void;
  now?: Date;
};

/** Imports the lists at `path` into `dataDir`, replacing any earlier import; returns its manifest. */
export async function importUrlLists(
  path: string,
  dataDir: string,
  options: ImportUrlListsOptions = {},
): Promise<ImportedUrlListsManifest> {
  const { source, lists, notes } = await readUt1Lists(path, options.selection, options.onProgress);
  if (lists.length === 0) {
    throw new AppError("validation_failed", `The chosen lists in ${source} are all empty.`, {
      hint: "Check the files, or choose other categories with --categories or --all.",
    });
  }
  const importedAt = (options.now ?? new Date()).toISOString();
  const text = formatUrlListBundle(lists, [
    ...UT1_ATTRIBUTION,
    `Imported from ${source} on ${importedAt} by vigil url-lists import.`,
  ]);
  const bytes = gzipSync(text, { level: 9 });
  const manifest: ImportedUrlListsManifest = {
    source,
    importedAt,
    bytes: bytes.length,
    lists: countUrlLists(lists, notes),
  };
  const paths = importedUrlListPaths(dataDir);
  mkdirSync(paths.dir, { recursive: true });
  replaceFile(paths.bundle, bytes);
  replaceFile(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Each list's mapping and distinct entries, for a manifest (the build script's too). */
export function countUrlLists(
  lists: readonly UrlListInput[],
  notes: Readonly<Record<string, string>> = {},
): UrlListCounts[] {
  return lists.map((list) => ({
    source: list.source ?? "ut1",
    category: list.category,
    ...resolveListMapping(list.category),
    domains: new Set(list.domains).size,
    urls: new Set(list.urls).size,
    ...(notes[list.category] ? { note: notes[list.category] } : {}),
  }));
}

export type UrlListsStatus = {
  origin: "imported" | "shipped";
  files: string[];
  /** The import's manifest; null for the shipped lists or an import without a readable one. */
  imported: ImportedUrlListsManifest | null;
  /** Counts per list across every file in use (the shipped manifest covers the shipped files). */
  lists: UrlListCounts[];
};

/** Which URL lists `dataDir` uses, with their counts. */
export function urlListsStatus(dataDir: string): UrlListsStatus {
  const { origin, files } = urlListFilesFor(dataDir);
  const shipped = ShippedManifestSchema.parse(readJson(join(urlListsRoot, "manifest.json"))).lists;
  if (origin === "shipped") return { origin, files, imported: null, lists: shipped };
  const parsed = ImportedUrlListsManifestSchema.safeParse(readJson(importedUrlListPaths(dataDir).manifest));
  const imported = parsed.success ? parsed.data : null;
  const adult = shipped.filter((list) => list.source !== "ut1");
  return { origin, files, imported, lists: [...(imported?.lists ?? []), ...adult] };
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

/** Written beside and renamed over, so a failed import leaves the previous one whole. */
function replaceFile(path: string, content: string | Uint8Array): void {
  const partial = `${path}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, path);
}
