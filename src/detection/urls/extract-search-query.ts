/**
 * What a pupil searched for, read from a search engine's results URL. The query is what the
 * phrase engine should scan: it is the pupil's own words, unlike the page that comes back.
 */
import { parseUrlParts, type UrlParts } from "./parse-url.js";
import { findQueryParam, safeDecodeComponent } from "./safe-decode.js";
import { findEngineBrand, RULES_BY_BRAND, type SearchEngineRule } from "./search-engines.js";

export type SearchQuery = { engine: string; query: string };

/** Queries longer than this are cut; no real search box takes more. */
export const MAX_QUERY_LENGTH = 1_000;

/** The search in a URL string (`https://www.google.co.uk/search?q=...`), or null. */
export function extractSearchQuery(url: string): SearchQuery | null {
  const parts = parseUrlParts(url);
  return parts ? searchQueryFromParts(parts) : null;
}

/** As extractSearchQuery, for a URL already split (categorise-url.ts parses once). */
export function searchQueryFromParts(parts: UrlParts): SearchQuery | null {
  const engine = findEngineBrand(parts.host);
  if (engine === undefined) return null;
  for (const rule of RULES_BY_BRAND.get(engine) ?? []) {
    if (!rule.host.test(parts.host)) continue;
    const raw = readQuery(rule, parts);
    const query = raw === null ? "" : tidy(raw);
    if (query.length > 0) return { engine: rule.engine, query };
  }
  return null;
}

function readQuery(rule: SearchEngineRule, parts: UrlParts): string | null {
  if (rule.fromPath) {
    const inPath = rule.fromPath.exec(parts.path)?.[1];
    if (inPath !== undefined) return (rule.prefix ?? "") + safeDecodeComponent(inPath, false);
  }
  if (!rule.path.test(parts.path)) return null;
  return (
    findQueryParam(parts.query, rule.params) ??
    (rule.fragment === true ? findQueryParam(parts.fragment, rule.params) : null)
  );
}

function tidy(query: string): string {
  return query.replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
}
