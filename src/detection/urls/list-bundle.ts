/**
 * The text form URL lists ship in (`library/urls/*.lists.gz`): one file holds many lists, each
 * under a `[source/category]` header, one entry a line, sorted so updates diff cleanly. A line
 * with a `/` is a URL prefix (`host/path`), any other a domain. `#` starts a comment line.
 *
 *     # UT1 lists, Universite Toulouse Capitole, CC BY-SA 4.0
 *     [ut1/gambling]
 *     bet365.com
 *     example.com/casino
 */
import type { UrlListInput } from "./url-lookup.js";
import { UrlListFormatError } from "./url-list-error.js";

export const BUNDLE_MAGIC = "#! vigil-url-lists 1";
const HEADER = /^\[([a-z0-9_.-]+)\/([a-z0-9_.-]+)\]$/i;

/** The lists in a bundle's text. Throws UrlListFormatError naming the first bad line. */
export function parseUrlListBundle(text: string): UrlListInput[] {
  const lists: { category: string; source: string; domains: string[]; urls: string[] }[] = [];
  let current: (typeof lists)[number] | undefined;
  const lines = text.split("\n");
  if (lines[0]?.trim() !== BUNDLE_MAGIC) {
    throw new UrlListFormatError(`URL list bundle must start with "${BUNDLE_MAGIC}" (line 1)`);
  }
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith("#")) return;
    const header = HEADER.exec(line);
    if (header) {
      current = { source: header[1]!, category: header[2]!, domains: [], urls: [] };
      lists.push(current);
    } else if (!current) {
      throw new UrlListFormatError(`URL list entry before any [source/category] header (line ${index + 1})`);
    } else if (line.includes("/")) {
      current.urls.push(line);
    } else {
      current.domains.push(line);
    }
  });
  return lists;
}

/** A bundle's text: `comments` first (attribution, licence), then each list sorted. */
export function formatUrlListBundle(lists: readonly UrlListInput[], comments: readonly string[]): string {
  const out = [BUNDLE_MAGIC, ...comments.map((line) => `# ${line}`.trimEnd())];
  for (const list of lists) {
    out.push("", `[${list.source ?? "ut1"}/${list.category}]`);
    // A loop, not push(...spread): a list can hold more entries than a call may take arguments.
    for (const entry of [...new Set(list.domains)].sort()) out.push(entry);
    for (const entry of [...new Set(list.urls)].sort()) out.push(entry);
  }
  return `${out.join("\n")}\n`;
}
