import { describe, expect, it } from "vitest";
import { categoriseUrl } from "../../detection/urls/index.js";
import { shippedUrlLists, shippedUrlLookup } from "../../library/shipped-url-lookup.js";
import { demoSitesFromLists } from "./demo-sites.js";
import { simulatedSchoolDay } from "./simulated-school-day.js";

const kindsOf = (url: string) => categoriseUrl(shippedUrlLookup(), url).categories.map((hit) => hit.kind);

describe("a simulated school day's web visits", () => {
  const sites = demoSitesFromLists(shippedUrlLists());

  it("draws sites from the shipped lists, each categorised by the kind it was drawn for", () => {
    expect(sites.ordinary.length).toBeGreaterThan(100);
    expect(sites.watched.length).toBeGreaterThan(100);
    expect(sites.concerning.length).toBeGreaterThan(100);
    for (const url of sites.ordinary) {
      expect(kindsOf(url)).toContain("allow");
      expect(kindsOf(url)).not.toContain("alert");
    }
    for (const url of sites.watched) {
      expect(kindsOf(url)).toContain("info");
      expect(kindsOf(url)).not.toContain("alert");
    }
    for (const url of sites.concerning) expect(kindsOf(url)).toContain("alert");
  });

  it("sends about one visit in seven to watched sites, three to listed ordinary ones, and concerns to concerning ones", () => {
    const visits = [...simulatedSchoolDay({ pupils: 300, hours: 2, seed: 3, sites })].filter(
      (event) => event.kind === "web-visit",
    );
    const share = (pool: readonly string[]) =>
      visits.filter((visit) => pool.includes(visit.url)).length / visits.length;
    expect(share(sites.watched)).toBeGreaterThan(0.1);
    expect(share(sites.watched)).toBeLessThan(0.18);
    expect(share(sites.ordinary)).toBeGreaterThan(0.35);
    expect(share(sites.ordinary)).toBeLessThan(0.5);
    // The rest go to the school's own handful of sites.
    const listed = new Set([...sites.ordinary, ...sites.watched, ...sites.concerning]);
    expect(
      new Set(visits.map((visit) => visit.url).filter((url) => !listed.has(url))).size,
    ).toBeLessThanOrEqual(6);
    // About one event in a thousand is a concern, a quarter of those a visit.
    expect(share(sites.concerning) * visits.length).toBeGreaterThan(3);
  });

  it("keeps to its own handful of school sites without lists", () => {
    const urls = new Set(
      [...simulatedSchoolDay({ pupils: 100, hours: 1, seed: 3 })].flatMap((event) =>
        event.kind === "web-visit" ? [event.url] : [],
      ),
    );
    expect(urls.size).toBeLessThanOrEqual(7);
  });
});
