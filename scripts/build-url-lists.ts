/**
 * Builds the URL lists Vigil ships (`library/urls/`) from the UT1 blacklists: a folder of
 * `<category>/{domains,urls}` or UT1's `blacklists.tar.gz`, plus the adult top-1M list that
 * stands in for UT1's huge `adult/domains`. Only school-relevant categories are kept, so the
 * repository stays small; the adult list goes in its own file because its licence differs.
 *
 *   npx tsx scripts/build-url-lists.ts [--ut1 DIR|FILE.tar.gz] [--adult FILE] [--out DIR]
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, posix, resolve } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { canonicaliseHost } from "../src/detection/urls/canonical-host.js";
import { formatUrlListBundle } from "../src/detection/urls/list-bundle.js";
import { loadUrlListsFromText } from "../src/detection/urls/load-url-lists.js";
import { resolveListMapping } from "../src/detection/urls/url-categories.js";
import type { UrlListInput } from "../src/detection/urls/url-lookup.js";

/** The UT1 categories shipped, in output order. See library/urls/README.md for why each. */
const SHIPPED = [
  "adult", // its `urls` only: `domains` is replaced by adult-top1m
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

const UT1_NOTICE = [
  "UT1 blacklists, Universite Toulouse Capitole (Fabrice Prigent), https://dsi.ut-capitole.fr/blacklists/",
  "Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0).",
  "Selected categories, canonicalised and sorted by Vigil's scripts/build-url-lists.ts.",
];
const ADULT_NOTICE = [
  "Adult domains among the million most visited sites, derived from UT1's adult list.",
  "Licence: GNU General Public License v3.0 (see adult-top1m.LICENSE beside this file).",
];

type Args = { ut1: string; adult: string; out: string };
type FileTree = { read(path: string): string | null };

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const tree = openUt1(args.ut1);
  const ut1Lists: UrlListInput[] = [];
  const notes: Record<string, string> = {};
  const seenDomains = new Map<string, string>();
  for (const category of SHIPPED) {
    let domains = category === "adult" ? [] : canonicalDomains(lines(tree.read(`${category}/domains`)));
    const urls = lines(tree.read(`${category}/urls`));
    const key = [...new Set(domains)].sort().join("\n");
    const twin = domains.length > 0 ? seenDomains.get(key) : undefined;
    if (twin !== undefined) {
      // UT1 ships strict_redirector with the same domains as redirector; keep one copy.
      notes[category] = `domains identical to ${twin}, kept there only`;
      domains = [];
    } else if (domains.length > 0) seenDomains.set(key, category);
    if (domains.length + urls.length > 0) ut1Lists.push({ category, domains, urls });
  }
  const adultDomains = canonicalDomains(lines(readFileSync(args.adult, "utf8")));
  const adultLists: UrlListInput[] = [
    { category: "adult", source: "adult-top1m", domains: adultDomains, urls: [] },
  ];
  const ut1Text = formatUrlListBundle(ut1Lists, UT1_NOTICE);
  const adultText = formatUrlListBundle(adultLists, ADULT_NOTICE);
  const files = {
    "ut1-default.lists.gz": writeGzip(join(args.out, "ut1-default.lists.gz"), ut1Text),
    "adult-top1m.lists.gz": writeGzip(join(args.out, "adult-top1m.lists.gz"), adultText),
  };
  const started = performance.now();
  const lookup = loadUrlListsFromText([ut1Text, adultText]);
  const buildMs = Math.round(performance.now() - started);
  const manifest = {
    files,
    lists: [...ut1Lists, ...adultLists].map((list) => ({
      source: list.source ?? "ut1",
      category: list.category,
      ...resolveListMapping(list.category),
      domains: new Set(list.domains).size,
      urls: new Set(list.urls).size,
      ...(notes[list.category] ? { note: notes[list.category] } : {}),
    })),
  };
  writeFileSync(join(args.out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(JSON.stringify(files), `${lookup.domains.mask + 1} slots, built in ${buildMs} ms`);
}

function parseArgs(argv: string[]): Args {
  const shared = resolve("..", "shared", "data", "urls");
  const args: Args = {
    ut1: join(shared, "ut1"),
    adult: join(shared, "adult-top1m.txt"),
    out: "library/urls",
  };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, "");
    const value = argv[i + 1];
    if ((name !== "ut1" && name !== "adult" && name !== "out") || value === undefined) {
      throw new Error(
        `Usage: build-url-lists [--ut1 DIR|FILE.tar.gz] [--adult FILE] [--out DIR] (at "${argv[i]}")`,
      );
    }
    args[name] = value;
  }
  for (const path of [args.ut1, args.adult]) {
    if (!existsSync(path)) throw new Error(`${path} not found: pass --ut1 / --adult (see data/README.md)`);
  }
  return args;
}

function lines(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"));
}

/** Canonical, deduplicated: the shipped file then loads without a trip through `new URL()`. */
function canonicalDomains(domains: readonly string[]): string[] {
  const canonical = new Set<string>();
  for (const domain of domains) {
    const host = canonicaliseHost(domain);
    if (host !== null) canonical.add(host);
  }
  return [...canonical];
}

function writeGzip(path: string, text: string): { bytes: number; entries: number } {
  // level 9 and zlib's zero mtime make the output byte-identical for identical input.
  const bytes = gzipSync(text, { level: 9 });
  writeFileSync(path, bytes);
  return { bytes: bytes.length, entries: text.split("\n").filter((line) => /^[^#[]/.test(line)).length };
}

/** UT1 as a folder or a tarball, read by category-relative path (`gambling/domains`). */
function openUt1(path: string): FileTree {
  if (statSync(path).isDirectory()) {
    return { read: (name) => (existsSync(join(path, name)) ? readFileSync(join(path, name), "utf8") : null) };
  }
  const entries = readTar(gunzipSync(readFileSync(path)));
  // Tarballs nest the categories under a top folder (`blacklists/`); match on the tail.
  return {
    read(name) {
      for (const [entryPath, bytes] of entries) {
        if (entryPath === name || entryPath.endsWith(`/${name}`)) return Buffer.from(bytes).toString("utf8");
      }
      return null;
    },
  };
}

/**
 * Regular files of a POSIX/GNU tar, by path, with symlinks and hard links resolved to their
 * targets' content. Handles ustar prefixes, pax `path=` records and GNU long names; ignores
 * devices and directories, which UT1 tarballs do not need.
 */
function readTar(tar: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const links = new Map<string, string>();
  const text = (start: number, length: number): string =>
    Buffer.from(tar.subarray(start, start + length))
      .toString("utf8")
      .replace(/\0.*$/s, "");
  let offset = 0;
  let longName: string | null = null;
  while (offset + 512 <= tar.length && tar[offset] !== 0) {
    const size = parseInt(text(offset + 124, 12).trim() || "0", 8);
    const type = text(offset + 156, 1) || "0";
    const prefix = text(offset + 257, 6).startsWith("ustar") ? text(offset + 345, 155) : "";
    const name = longName ?? (prefix ? `${prefix}/${text(offset, 100)}` : text(offset, 100));
    const data = tar.subarray(offset + 512, offset + 512 + size);
    longName = null;
    if (type === "L") longName = Buffer.from(data).toString("utf8").replace(/\0.*$/s, "");
    else if (type === "x")
      longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(Buffer.from(data).toString("utf8"))?.[1] ?? null;
    else if (type === "0" || type === "7") files.set(posix.normalize(name), data);
    else if (type === "1") links.set(posix.normalize(name), posix.normalize(text(offset + 157, 100)));
    else if (type === "2")
      links.set(posix.normalize(name), posix.join(posix.dirname(name), text(offset + 157, 100)));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  for (const [name, target] of links) {
    const content = files.get(target);
    if (content) files.set(name, content);
  }
  return files;
}

main();
