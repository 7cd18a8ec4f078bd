/**
 * Reads UT1-format URL lists (https://dsi.ut-capitole.fr/blacklists/): a folder of
 * `<category>/{domains,urls}`, or UT1's `blacklists.tar.gz` as downloaded, unpacked by the `tar`
 * package into a temporary folder that is removed afterwards. `vigil url-lists import` and
 * scripts/build-url-lists.ts share this, so a school's import and the shipped lists agree.
 */
import type { Stats } from "node:fs";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix, resolve } from "node:path";
import { extract, type ReadEntry } from "tar";
import { canonicaliseHost, type UrlListInput } from "../detection/urls/index.js";
import { AppError } from "../platform/errors/app-error.js";

/** The school-relevant UT1 categories, shipped and imported by default, in output order. */
export const SCHOOL_UT1_CATEGORIES = [
  "adult", // its `urls` only: `domains` (millions) is replaced by the shipped adult-top1m
  "agressif",
  "dangerous_material",
  "drogue",
  "gambling",
  "arjel",
  "hacking",
  "ddos",
  "stalkerware",
  "redirector",
  "strict_redirector",
  "residential-proxies",
  "vpn",
  "doh",
  "social_networks",
  "chat",
  "games",
  "dating",
  "warez",
  "audio-video",
  "shortener",
  "ai",
  "tricheur",
  "remote-control",
  "sect",
  "lingerie",
  "mixed_adult",
  "sexual_education",
  "liste_blanche",
  "child",
] as const;

/** UT1's attribution, the first comment lines of any bundle made from its lists. */
export const UT1_ATTRIBUTION = [
  "UT1 blacklists, Universite Toulouse Capitole (Fabrice Prigent), https://dsi.ut-capitole.fr/blacklists/",
  "Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0).",
];

/** The school set by default; `all` for every category present; or the ones named. */
export type Ut1Selection = { all?: boolean; categories?: readonly string[] };
export type Ut1Progress = { done: number; total: number; category: string; domains: number };
export type Ut1Lists = { source: string; lists: UrlListInput[]; notes: Record<string, string> };

const LIST_FILES = new Set(["domains", "urls"]);
// The bundle header's own rule (`[ut1/<category>]`), so every name read can be written back.
const CATEGORY_NAME = /^[a-z0-9_.-]+$/i;
const TARBALL = /\.(tar\.gz|tgz|tar)$/i;
const SOURCE_HINT = "Give a folder of <category>/domains and <category>/urls files, or UT1's blacklists.tar.gz.";

/** The chosen lists at `path` (folder or tarball), domains canonicalised and deduplicated. */
export async function readUt1Lists(
  path: string,
  selection: Ut1Selection = {},
  onProgress?: (progress: Ut1Progress) => void,
): Promise<Ut1Lists> {
  const source = resolve(path);
  const stats = statSync(source, { throwIfNoEntry: false });
  if (!stats) throw refusal(`${source} does not exist.`, SOURCE_HINT);
  if (stats.isDirectory()) return readFolder(source, source, selection, onProgress);
  if (!stats.isFile() || !TARBALL.test(source))
    throw refusal(`${source} is neither a folder nor a .tar.gz file.`, SOURCE_HINT);
  const folder = mkdtempSync(join(tmpdir(), "vigil-ut1-"));
  try {
    await extract({ file: source, cwd: folder, strict: true, preserveOwner: false, filter: isListEntry }).catch(
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw refusal(
          `${source} is not a readable .tar.gz (${reason}).`,
          "Download it again, or unpack it and import the folder.",
        );
      },
    );
    return readFolder(folder, source, selection, onProgress);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function readFolder(
  folder: string,
  source: string,
  selection: Ut1Selection,
  onProgress?: (progress: Ut1Progress) => void,
): Ut1Lists {
  const root = findListRoot(folder);
  const chosen = chooseCategories(listCategories(root), selection, source);
  const lists: UrlListInput[] = [];
  const notes: Record<string, string> = {};
  const seenDomains = new Map<string, string>();
  let domainsSoFar = 0;
  chosen.forEach((category, index) => {
    const skipDomains = category === "adult" && !selection.categories?.includes("adult");
    let domains = skipDomains ? [] : canonicalDomains(readListLines(join(root, category, "domains")));
    const urls = readListLines(join(root, category, "urls"));
    const key = [...new Set(domains)].sort().join("\n");
    const twin = domains.length > 0 ? seenDomains.get(key) : undefined;
    if (twin !== undefined) {
      // UT1 ships strict_redirector with the same domains as redirector; keep one copy.
      notes[category] = `domains identical to ${twin}, kept there only`;
      domains = [];
    } else if (domains.length > 0) seenDomains.set(key, category);
    if (domains.length + urls.length > 0) lists.push({ category, domains, urls });
    domainsSoFar += domains.length;
    onProgress?.({ done: index + 1, total: chosen.length, category, domains: domainsSoFar });
  });
  return { source, lists, notes };
}

/** Category name to whether it is a symbolic link (UT1's aliases: `drugs` -> `drogue`). */
function listCategories(folder: string): Map<string, boolean> {
  const found = new Map<string, boolean>();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (!CATEGORY_NAME.test(entry.name) || !statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
    if ([...LIST_FILES].some((file) => existsSync(join(path, file))))
      found.set(entry.name, entry.isSymbolicLink());
  }
  return found;
}

/** The folder holding the categories: the one given, or (tarballs) its `blacklists/` inside. */
function findListRoot(folder: string): string {
  if (listCategories(folder).size > 0) return folder;
  const inner = readdirSync(folder, { withFileTypes: true })
    .map((entry) => join(folder, entry.name))
    .filter((path) => statSync(path, { throwIfNoEntry: false })?.isDirectory())
    .sort()
    .find((path) => listCategories(path).size > 0);
  return inner ?? folder;
}

function chooseCategories(present: Map<string, boolean>, selection: Ut1Selection, source: string): string[] {
  const found = `Found: ${[...present.keys()].sort().join(", ") || "no <category>/domains or urls files"}.`;
  if (selection.categories) {
    const named = [...new Set(selection.categories)];
    const missing = named.filter((name) => !present.has(name));
    if (missing.length > 0) throw refusal(`No ${missing.join(", ")} list in ${source}.`, found);
    return named;
  }
  const chosen = selection.all
    ? [...present].filter(([, isAlias]) => !isAlias).map(([name]) => name)
    : SCHOOL_UT1_CATEGORIES.filter((name) => present.has(name));
  if (chosen.length > 0) return selection.all ? chosen.sort() : chosen;
  throw refusal(
    `No UT1 category found in ${source}: expected folders such as gambling/domains or drogue/urls.`,
    selection.all
      ? SOURCE_HINT
      : `The school set is ${SCHOOL_UT1_CATEGORIES.join(", ")}; --all takes any category. ${found}`,
  );
}

/** What is unpacked: list files, their folders, and links that stay inside the archive. */
function isListEntry(path: string, entry: Stats | ReadEntry): boolean {
  if (!("type" in entry)) return false;
  switch (entry.type) {
    case "Directory":
      return true;
    case "SymbolicLink": {
      const link = entry.linkpath ?? "";
      const target = posix.normalize(posix.join(posix.dirname(path), link));
      return !posix.isAbsolute(link) && target !== ".." && !target.startsWith("../");
    }
    case "File":
    case "OldFile":
    case "ContiguousFile":
    case "Link":
      return LIST_FILES.has(posix.basename(path));
    default:
      return false;
  }
}

/** A list file's entries: trimmed, without blank lines or `#` comments; none when it is absent. */
export function readListLines(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"));
}

/** Canonical, deduplicated: the bundle then loads without a trip through `new URL()`. */
export function canonicalDomains(domains: readonly string[]): string[] {
  const canonical = new Set<string>();
  for (const domain of domains) {
    const host = canonicaliseHost(domain);
    if (host !== null) canonical.add(host);
  }
  return [...canonical];
}

function refusal(message: string, hint: string): AppError {
  return new AppError("validation_failed", message, { hint });
}
