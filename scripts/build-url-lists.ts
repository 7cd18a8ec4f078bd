/**
 * Builds the URL lists Vigil ships (`library/urls/`) from the UT1 blacklists: a folder of
 * `<category>/{domains,urls}` or UT1's `blacklists.tar.gz`, plus the adult top-1M list that
 * stands in for UT1's huge `adult/domains`. Only school-relevant categories are kept, so the
 * repository stays small; the adult list goes in its own file because its licence differs.
 *
 *   npx tsx scripts/build-url-lists.ts [--ut1 DIR|FILE.tar.gz] [--adult FILE] [--out DIR]
 */
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { formatUrlListBundle } from "../src/detection/urls/list-bundle.js";
import { loadUrlListsFromText } from "../src/detection/urls/load-url-lists.js";
import type { UrlListInput } from "../src/detection/urls/url-lookup.js";
import { countUrlLists } from "../src/library/import-url-lists.js";
import {
  canonicalDomains,
  readListLines,
  readUt1Lists,
  UT1_ATTRIBUTION,
} from "../src/library/read-ut1-lists.js";

// The categories are SCHOOL_UT1_CATEGORIES in src/library/read-ut1-lists.ts, which
// `vigil url-lists import` also takes by default. See library/urls/README.md for why each.
const UT1_NOTICE = [
  ...UT1_ATTRIBUTION,
  "Selected categories, canonicalised and sorted by Vigil's scripts/build-url-lists.ts.",
];
const ADULT_NOTICE = [
  "Adult domains among the million most visited sites, derived from UT1's adult list.",
  "Licence: GNU General Public License v3.0 (see adult-top1m.LICENSE beside this file).",
];

type Args = { ut1: string; adult: string; out: string };

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { lists: ut1Lists, notes } = await readUt1Lists(args.ut1);
  const adultDomains = canonicalDomains(readListLines(args.adult));
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
    lists: countUrlLists([...ut1Lists, ...adultLists], notes),
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

function writeGzip(path: string, text: string): { bytes: number; entries: number } {
  // level 9 and zlib's zero mtime make the output byte-identical for identical input.
  const bytes = gzipSync(text, { level: 9 });
  writeFileSync(path, bytes);
  return { bytes: bytes.length, entries: text.split("\n").filter((line) => /^[^#[]/.test(line)).length };
}

await main();
