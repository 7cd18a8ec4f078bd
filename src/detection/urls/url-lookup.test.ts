import { describe, expect, it } from "vitest";
import { categoriseUrl } from "./categorise-url.js";
import { buildUrlLookup, type UrlListInput } from "./url-lookup.js";

const lists: UrlListInput[] = [
  { category: "gambling", domains: ["bet.example", "casino.test"], urls: ["news.example/betting-tips"] },
  { category: "social_networks", domains: ["social.example", "casino.test"], urls: [] },
  { category: "games", domains: ["play.bet.example"], urls: [] },
  {
    category: "liste_blanche",
    domains: ["school.bet.example", "wiki.example"],
    urls: ["news.example/safe/"],
  },
  {
    category: "drogue",
    domains: ["wiki.example"],
    urls: ["www.forum.example/drugs", "forum.example/q?id=7"],
  },
];
const lookup = buildUrlLookup(lists);
const lists_ = (url: string, allowWins = false): string[] =>
  categoriseUrl(lookup, url, { allowWins }).categories.map((hit) => hit.list);

describe("buildUrlLookup and matching", () => {
  it("misses unlisted hosts and lookalikes", () => {
    expect(lists_("https://example.com/")).toEqual([]);
    expect(lists_("https://notbet.example/")).toEqual([]);
    expect(lists_("https://bet.example.evil.org/")).toEqual([]);
  });

  it("matches a listed domain and every subdomain", () => {
    expect(lists_("bet.example")).toEqual(["gambling"]);
    expect(lists_("https://a.b.c.bet.example/x")).toEqual(["gambling"]);
  });

  it("reports every list a domain is on, with Vigil category and source", () => {
    const hits = categoriseUrl(lookup, "http://www.casino.test/").categories;
    expect(hits).toEqual([
      { vigil: "gambling", kind: "alert", source: "ut1", list: "gambling", matched: "casino.test" },
      {
        vigil: "social-networks",
        kind: "info",
        source: "ut1",
        list: "social_networks",
        matched: "casino.test",
      },
    ]);
  });

  it("lets the longest listed suffix decide", () => {
    expect(lists_("https://play.bet.example/")).toEqual(["games"]);
    expect(lists_("https://x.play.bet.example/")).toEqual(["games"]);
    expect(lists_("https://school.bet.example/")).toEqual(["liste_blanche"]);
  });

  it("matches URL prefixes at a boundary only, on the host and its subdomains", () => {
    expect(lists_("https://news.example/betting-tips")).toEqual(["gambling"]);
    expect(lists_("https://www.news.example/Betting-Tips/today?x=1")).toEqual(["gambling"]);
    expect(lists_("https://news.example/betting-tipsy")).toEqual([]);
    expect(lists_("https://news.example/")).toEqual([]);
    expect(lists_("forum.example/drugs?page=2")).toEqual(["drogue"]);
    expect(lists_("forum.example/q?id=7")).toEqual(["drogue"]);
    expect(lists_("forum.example/q?id=70")).toEqual([]);
  });

  it("keeps alerts beside an allow entry unless the allow list is asked to win", () => {
    expect(lists_("https://wiki.example/")).toEqual(["liste_blanche", "drogue"]);
    expect(lists_("https://wiki.example/", true)).toEqual(["liste_blanche"]);
    expect(lists_("https://news.example/safe/page", true)).toEqual(["liste_blanche"]);
  });

  it("counts an allow entry on a shorter suffix when allow wins", () => {
    const withSub = buildUrlLookup([
      { category: "liste_blanche", domains: ["school.example"], urls: [] },
      { category: "gambling", domains: ["bad.school.example"], urls: [] },
      { category: "games", domains: ["fun.school.example"], urls: [] },
    ]);
    const run = (url: string, allowWins: boolean) =>
      categoriseUrl(withSub, url, { allowWins }).categories.map((hit) => hit.list);
    expect(run("bad.school.example", false)).toEqual(["gambling", "liste_blanche"]);
    expect(run("bad.school.example", true)).toEqual(["liste_blanche"]);
    expect(run("fun.school.example", true)).toEqual(["games", "liste_blanche"]);
  });

  it("matches IP addresses exactly, never by suffix", () => {
    const ips = buildUrlLookup([{ category: "doh", domains: ["1.1.1.1", "0.0.1"], urls: ["9.9.9.9/dns"] }]);
    expect(categoriseUrl(ips, "https://1.1.1.1/dns-query").categories[0]?.list).toBe("doh");
    expect(categoriseUrl(ips, "http://10.0.0.1/").categories).toEqual([]);
    expect(categoriseUrl(ips, "http://9.9.9.9/dns/x").categories[0]?.matched).toBe("9.9.9.9/dns");
  });

  it("skips unusable entries and honours a mapping override and source", () => {
    const custom = buildUrlLookup([
      {
        category: "blocked",
        source: "school",
        domains: ["", "  ", "ok.example"],
        urls: ["/nohost"],
        mapping: { vigil: "violence", kind: "alert" },
      },
    ]);
    expect(categoriseUrl(custom, "ok.example").categories).toEqual([
      { vigil: "violence", kind: "alert", source: "school", list: "blocked", matched: "ok.example" },
    ]);
  });
});
