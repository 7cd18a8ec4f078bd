/**
 * The lists in library/urls load and know some well-known sites. Reading the files is the
 * caller's job in production; the test does it with fs because it runs in Node.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { categoriseUrl } from "./categorise-url.js";
import { loadUrlListsFromText } from "./load-url-lists.js";
import type { UrlLookup } from "./url-lookup.js";

const read = (name: string) =>
  gunzipSync(readFileSync(new URL(`../../../library/urls/${name}`, import.meta.url))).toString("utf8");

let lookup: UrlLookup;
beforeAll(() => {
  lookup = loadUrlListsFromText([read("ut1-default.lists.gz"), read("adult-top1m.lists.gz")]);
});

const listsOf = (url: string) =>
  categoriseUrl(lookup, url).categories.map((hit) => `${hit.vigil}:${hit.source}/${hit.list}`);

describe("shipped URL lists", () => {
  // Containment, not equality: UT1 files many sites under several lists (bet365 is in games too).
  it.each([
    ["https://www.bet365.com/#/HO/", "gambling:ut1/gambling"],
    ["https://www.pornhub.com/", "adult:adult-top1m/adult"],
    ["https://nordvpn.com/download/", "proxy-hacking:ut1/vpn"],
    ["https://www.croxyproxy.com/", "proxy-hacking:ut1/redirector"],
    ["https://discord.com/channels/@me", "chat:ut1/chat"],
    ["https://www.ac-amiens.fr/", "allowed:ut1/liste_blanche"],
  ])("know %s", (url, expected) => {
    expect(listsOf(url)).toContain(expected);
  });

  it("flag DoH resolvers by list and by endpoint", () => {
    const result = categoriseUrl(
      lookup,
      "https://dns.google/dns-query?dns=q80BAAABAAAAAAAAA3d3dwdleGFtcGxlA2NvbQAAAQAB",
    );
    expect(result.avoidance.map((flag) => `${flag.kind}:${flag.list}`)).toEqual([
      "doh:doh",
      "doh:doh-endpoint",
    ]);
  });

  it("leave everyday sites alone", () => {
    for (const url of [
      "https://www.bbc.co.uk/news",
      "https://www.gov.uk/",
      "https://en.wikipedia.org/wiki/Owl",
    ]) {
      expect(categoriseUrl(lookup, url).categories.filter((hit) => hit.kind === "alert")).toEqual([]);
    }
  });
});
