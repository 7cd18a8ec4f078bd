/**
 * The hot path: one right-to-left pass over a canonical host, probing the domain table and the
 * URL-prefix host table at every label boundary. A listed domain covers its subdomains, and the
 * longest listed suffix decides the categories, so `safe.example.com` can be allowed while
 * `example.com` is blocked.
 */
import { mayContain, probe, SEED_A, SEED_B, stepA, stepB } from "./host-hash-table.js";
import { SET_HAS_ALLOW, type UrlLookup } from "./url-lookup.js";

export type HostMatch = {
  /** Category set of the longest listed suffix, or -1. */
  setId: number;
  /** Where that suffix starts in the host. */
  suffixStart: number;
  /** Category set and start of the longest suffix on an allow list, or -1. */
  allowSetId: number;
  allowStart: number;
  /** URL-prefix groups whose host is a suffix of this one, with the suffix start of each. */
  urlGroups: { group: number; start: number }[] | null;
};

const DOT = 46;

/** Looks `host` up; IP addresses match exactly, names by every suffix at a dot. */
export function matchHost(lookup: UrlLookup, host: string, isIp: boolean): HostMatch {
  const match: HostMatch = { setId: -1, suffixStart: -1, allowSetId: -1, allowStart: -1, urlGroups: null };
  let a = SEED_A;
  let b = SEED_B;
  for (let i = host.length - 1; i >= 0; i--) {
    const code = host.charCodeAt(i);
    a = stepA(a, code);
    b = stepB(b, code);
    if (i !== 0 && (isIp || host.charCodeAt(i - 1) !== DOT)) continue;
    const setId = probe(lookup.domains, a, b);
    if (setId !== -1) {
      match.setId = setId;
      match.suffixStart = i;
      if ((lookup.setFlags[setId]! & SET_HAS_ALLOW) !== 0) {
        match.allowSetId = setId;
        match.allowStart = i;
      }
    }
    if (!mayContain(lookup.urlHostFilter, a)) continue;
    const group = probe(lookup.urlHosts, a, b);
    if (group !== -1) (match.urlGroups ??= []).push({ group, start: i });
  }
  return match;
}

const PREFIX_BOUNDARY = new Set(["/", "?", "&", "=", "#", ";"]);

/**
 * URL-prefix entries that `pathAndQuery` (lower case) starts with. An entry ends at a boundary:
 * `/proxy` matches `/proxy/x` and `/proxy?u=` but not `/proxyfish`, as in e2guardian.
 */
export function matchUrlEntries(
  lookup: UrlLookup,
  groups: readonly { group: number; start: number }[],
  pathAndQuery: string,
): { entry: number; start: number }[] {
  const hits: { entry: number; start: number }[] = [];
  for (const { group, start } of groups) {
    for (let entry = lookup.urlGroupStarts[group]!; entry < lookup.urlGroupStarts[group + 1]!; entry++) {
      const prefix = lookup.urlPaths[entry]!;
      if (!pathAndQuery.startsWith(prefix)) continue;
      const next = pathAndQuery.charAt(prefix.length);
      if (next === "" || prefix.endsWith("/") || PREFIX_BOUNDARY.has(next)) hits.push({ entry, start });
    }
  }
  return hits;
}
