/**
 * The compiled form of a set of URL lists: every field is a typed array or a short array of
 * strings, so it serialises to bytes as is (serialise-lookup.ts) and a lookup touches no `Map`.
 * Hosts themselves are not kept, only their hashes; a hit reports the listed suffix by slicing the
 * visited host.
 */
import { canonicaliseHost } from "./canonical-host.js";
import { buildHostFilter, createHostHashTable, insertHost, type HostHashTable } from "./host-hash-table.js";
import { resolveListMapping, type ListKind, type ListMapping } from "./url-categories.js";

/** One list to compile: a UT1 category folder, the adult top-1M list, or a school's own list. */
export type UrlListInput = {
  category: string;
  domains: readonly string[];
  /** URL prefixes, `host/path` with no scheme (UT1 `urls` files). */
  urls: readonly string[];
  /** Who made the list (`ut1`, `adult-top1m`, `school`); default `ut1`. */
  source?: string;
  /** Overrides the category mapping (url-categories.ts) for this list. */
  mapping?: ListMapping;
};

export type UrlListInfo = ListMapping & { name: string; source: string };

export type UrlLookup = {
  lists: readonly UrlListInfo[];
  /** Listed domain → category set id. */
  domains: HostHashTable;
  /** Host of a URL-prefix entry → group id; group g's entries are urlGroupStarts[g] until [g + 1]. */
  urlHosts: HostHashTable;
  urlGroupStarts: Uint32Array;
  /** Per URL entry: its lower-case path prefix (starting `/`) and its category set id. */
  urlPaths: readonly string[];
  urlEntrySets: Uint32Array;
  /** Category set s holds the list ids setLists[setStarts[s]] until [setStarts[s + 1]]. */
  setStarts: Uint32Array;
  setLists: Uint16Array;
  /** Per set: SET_HAS_ALLOW, derived from the lists (not serialised). */
  setFlags: Uint8Array;
  /** Quick absence test for urlHosts (host-hash-table.ts buildHostFilter; not serialised). */
  urlHostFilter: Uint32Array;
};

export const SET_HAS_ALLOW = 1;
const MAX_LISTS = 0xffff;

/** Compiles lists into a lookup. Unusable entries (no host) are skipped, not fatal. */
export function buildUrlLookup(inputs: readonly UrlListInput[]): UrlLookup {
  const lists: UrlListInfo[] = [];
  const listIds = new Map<string, number>();
  const domainLists = new DomainLists();
  const urlLists = new Map<string, Map<string, Set<number>>>();
  for (const input of inputs) {
    const source = input.source ?? "ut1";
    const key = `${source}/${input.category}`;
    let id = listIds.get(key);
    if (id === undefined) {
      id = lists.length;
      if (id >= MAX_LISTS) throw new RangeError(`More than ${MAX_LISTS} URL lists`);
      listIds.set(key, id);
      lists.push({ ...(input.mapping ?? resolveListMapping(input.category)), name: input.category, source });
    }
    for (const domain of input.domains) addDomain(domainLists, domain, id);
    for (const url of input.urls) addUrl(urlLists, domainLists, url, id);
  }
  return compile(lists, domainLists, urlLists);
}

function addDomain(domainLists: DomainLists, raw: string, id: number): void {
  const host = canonicaliseHost(raw);
  if (host !== null) domainLists.add(host, id);
}

/**
 * Host → list ids. Nearly every host is on one list, so a plain number is stored and an array
 * only for the few on several: a `Set` per host made loading the shipped lists twice as slow.
 */
class DomainLists {
  readonly first = new Map<string, number>();
  readonly more = new Map<string, Set<number>>();

  add(host: string, id: number): void {
    const first = this.first.get(host);
    if (first === undefined) this.first.set(host, id);
    else if (first !== id) this.more.set(host, (this.more.get(host) ?? new Set([first])).add(id));
  }
}

function addUrl(
  urlLists: Map<string, Map<string, Set<number>>>,
  domainLists: DomainLists,
  raw: string,
  id: number,
): void {
  const entry = raw.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const slash = entry.indexOf("/");
  const path = slash === -1 ? "/" : entry.slice(slash).toLowerCase();
  // squidGuard lists write some prefixes with `www.`; the suffix walk covers `www.` anyway.
  const host = canonicaliseHost(slash === -1 ? entry : entry.slice(0, slash))?.replace(/^www\./, "") ?? "";
  if (host.length === 0) return;
  if (path === "/") {
    addDomain(domainLists, host, id);
    return;
  }
  let paths = urlLists.get(host);
  if (!paths) {
    paths = new Map<string, Set<number>>();
    urlLists.set(host, paths);
  }
  const ids = paths.get(path);
  if (ids) ids.add(id);
  else paths.set(path, new Set([id]));
}

function compile(
  lists: UrlListInfo[],
  domainLists: DomainLists,
  urlLists: Map<string, Map<string, Set<number>>>,
): UrlLookup {
  const sets = new SetInterner();
  const domains = createHostHashTable(domainLists.first.size);
  for (const [host, id] of domainLists.first) {
    const more = domainLists.more.get(host);
    insertHost(domains, host, more ? sets.intern(more) : sets.internOne(id));
  }
  const urlHosts = createHostHashTable(urlLists.size);
  const groupStarts: number[] = [];
  const urlPaths: string[] = [];
  const entrySets: number[] = [];
  for (const [host, paths] of urlLists) {
    insertHost(urlHosts, host, groupStarts.length);
    groupStarts.push(urlPaths.length);
    for (const [path, ids] of paths) {
      urlPaths.push(path);
      entrySets.push(sets.intern(ids));
    }
  }
  groupStarts.push(urlPaths.length);
  const { setStarts, setLists } = sets.toArrays();
  return {
    lists,
    domains,
    urlHosts,
    urlGroupStarts: Uint32Array.from(groupStarts),
    urlPaths,
    urlEntrySets: Uint32Array.from(entrySets),
    setStarts,
    setLists,
    setFlags: deriveSetFlags(lists, setStarts, setLists),
    urlHostFilter: buildHostFilter(urlHosts),
  };
}

/** Flags per category set, recomputed on load so a mapping change needs no rebuild. */
export function deriveSetFlags(
  lists: readonly { kind: ListKind }[],
  setStarts: Uint32Array,
  setLists: Uint16Array,
): Uint8Array {
  const flags = new Uint8Array(Math.max(0, setStarts.length - 1));
  for (let set = 0; set < flags.length; set++) {
    for (let i = setStarts[set]!; i < setStarts[set + 1]!; i++) {
      if (lists[setLists[i]!]?.kind === "allow") flags[set]! |= SET_HAS_ALLOW;
    }
  }
  return flags;
}

/** Gives each distinct combination of list ids one small number. */
class SetInterner {
  private readonly ids = new Map<string, number>();
  private readonly members: number[][] = [];

  private readonly single: number[] = [];

  internOne(listId: number): number {
    return (this.single[listId] ??= this.intern(new Set([listId])));
  }

  intern(listIds: ReadonlySet<number>): number {
    const sorted = [...listIds].sort((x, y) => x - y);
    const key = sorted.join(",");
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.members.length;
      this.ids.set(key, id);
      this.members.push(sorted);
    }
    return id;
  }

  toArrays(): { setStarts: Uint32Array; setLists: Uint16Array } {
    const setStarts = new Uint32Array(this.members.length + 1);
    const flat: number[] = [];
    this.members.forEach((members, set) => {
      setStarts[set] = flat.length;
      flat.push(...members);
    });
    setStarts[this.members.length] = flat.length;
    return { setStarts, setLists: Uint16Array.from(flat) };
  }
}
