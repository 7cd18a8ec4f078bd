/**
 * The one call the rest of Vigil makes about a URL: which lists it is on, what was searched,
 * and whether it looks like getting round the filter. Any string is accepted and nothing
 * throws, because the input is whatever a browser, log line or pupil produced.
 */
import { findAvoidancePatterns } from "./avoidance-patterns.js";
import { searchQueryFromParts, type SearchQuery } from "./extract-search-query.js";
import { matchHost, matchUrlEntries } from "./match-host.js";
import { parseUrlParts, type UrlParts } from "./parse-url.js";
import type { AvoidanceKind, ListKind, UrlCategory } from "./url-categories.js";
import { SET_HAS_ALLOW, type UrlLookup } from "./url-lookup.js";

export type UrlCategoryHit = {
  vigil: UrlCategory;
  kind: ListKind;
  /** Who made the list (`ut1`, `adult-top1m`, `school`), or `pattern` for a URL-shape hit. */
  source: string;
  /** The list's own name (`redirector`, `liste_blanche`) or the pattern's (`glype`). */
  list: string;
  /** What matched: the listed domain suffix, the listed URL prefix, or the host for a pattern. */
  matched: string;
};

export type AvoidanceFlag = { kind: AvoidanceKind; source: string; list: string };

export type UrlCategorisation = {
  /** Canonical host, or null when the input names none. */
  host: string | null;
  categories: UrlCategoryHit[];
  search: SearchQuery | null;
  avoidance: AvoidanceFlag[];
};

export type CategoriseOptions = {
  /** A hit on an allow list removes alert categories (context categories stay). Default false. */
  allowWins?: boolean;
};

/** Categorises `url` (full URL, bare host, or `host/path`) against `lookup`. */
export function categoriseUrl(
  lookup: UrlLookup,
  url: string,
  options: CategoriseOptions = {},
): UrlCategorisation {
  const parts = parseUrlParts(url);
  if (parts === null) return { host: null, categories: [], search: null, avoidance: [] };
  const { found, allowed } = listHits(lookup, parts);
  for (const { kind, pattern } of findAvoidancePatterns(parts)) {
    const hit: UrlCategoryHit = {
      vigil: "proxy-hacking",
      kind: "alert",
      source: "pattern",
      list: pattern,
      matched: parts.host,
    };
    found.push({ hit, avoidance: kind });
  }
  const search = searchQueryFromParts(parts);
  if (found.length === 0) return { host: parts.host, categories: [], search, avoidance: [] };
  const kept =
    options.allowWins === true && allowed ? found.filter(({ hit }) => hit.kind !== "alert") : found;
  return {
    host: parts.host,
    categories: kept.map(({ hit }) => hit),
    search,
    avoidance: kept.flatMap(({ hit, avoidance }) =>
      avoidance ? [{ kind: avoidance, source: hit.source, list: hit.list }] : [],
    ),
  };
}

type Found = { hit: UrlCategoryHit; avoidance: AvoidanceKind | undefined };

function listHits(lookup: UrlLookup, parts: UrlParts): { found: Found[]; allowed: boolean } {
  const { host } = parts;
  const match = matchHost(lookup, host, parts.isIp);
  const found: Found[] = [];
  let allowed = match.allowSetId !== -1;
  if (match.setId !== -1) addSet(lookup, found, match.setId, host.slice(match.suffixStart), false);
  if (match.urlGroups) {
    const pathAndQuery = (parts.query.length > 0 ? `${parts.path}?${parts.query}` : parts.path).toLowerCase();
    for (const { entry, start } of matchUrlEntries(lookup, match.urlGroups, pathAndQuery)) {
      const setId = lookup.urlEntrySets[entry]!;
      allowed ||= (lookup.setFlags[setId]! & SET_HAS_ALLOW) !== 0;
      addSet(lookup, found, setId, host.slice(start) + lookup.urlPaths[entry]!, false);
    }
  }
  // An allow entry on a shorter suffix still counts when a longer listed one decided the rest.
  if (match.allowSetId !== -1 && match.allowSetId !== match.setId) {
    addSet(lookup, found, match.allowSetId, host.slice(match.allowStart), true);
  }
  return { found, allowed };
}

/** Adds a set's lists to `found`, once per list (a list seen already keeps its first match). */
function addSet(lookup: UrlLookup, found: Found[], setId: number, matched: string, onlyAllow: boolean): void {
  for (let i = lookup.setStarts[setId]!; i < lookup.setStarts[setId + 1]!; i++) {
    const list = lookup.lists[lookup.setLists[i]!];
    if (!list || (onlyAllow && list.kind !== "allow")) continue;
    if (found.some(({ hit }) => hit.list === list.name && hit.source === list.source)) continue;
    const hit = { vigil: list.vigil, kind: list.kind, source: list.source, list: list.name, matched };
    found.push({ hit, avoidance: list.avoidance });
  }
}
