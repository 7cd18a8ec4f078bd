/**
 * The sites a simulated day's pupils visit, drawn from URL category lists (for `vigil demo`, the
 * shipped UT1 lists), so that its visits are categorised as a real day's would be: most from the
 * allow lists, some from lists a school watches without alerts (social networks, video, games),
 * and the rare concerning one from a list that alerts (gambling, VPNs, proxies).
 */
import { type UrlListInput, resolveListMapping } from "../../detection/urls/index.js";

export interface DemoSites {
  ordinary: readonly string[];
  /** Categorised, but not a concern: social networks, video, games and the like. */
  watched: readonly string[];
  concerning: readonly string[];
}

/** How many sites each kind keeps, spread evenly over its lists' entries. */
const perKind = 400;

/** Sites from `lists` by the kind their category maps to (allow, info, alert). */
export function demoSitesFromLists(lists: readonly UrlListInput[]): DemoSites {
  const domainsOf = (kind: "allow" | "info" | "alert") =>
    lists
      .filter((list) => (list.mapping ?? resolveListMapping(list.category)).kind === kind)
      .flatMap((list) => list.domains);
  // A domain on lists of two kinds goes with the more serious one: an ordinary visit must never
  // be to a site that alerts, or a watched one to a site that alerts.
  const alerting = new Set(domainsOf("alert"));
  const watched = domainsOf("info").filter((domain) => !alerting.has(domain));
  const watchedSet = new Set(watched);
  const ordinary = domainsOf("allow").filter((domain) => !alerting.has(domain) && !watchedSet.has(domain));
  return { ordinary: spread(ordinary), watched: spread(watched), concerning: spread([...alerting]) };
}

/** Up to `perKind` of `domains`, evenly spaced, as the address of each one's home page. */
function spread(domains: readonly string[]): string[] {
  const step = Math.max(1, domains.length / perKind);
  const sites: string[] = [];
  for (let at = 0; at < domains.length && sites.length < perKind; at += step) {
    sites.push(`https://${domains[Math.floor(at)]}/`);
  }
  return sites;
}
