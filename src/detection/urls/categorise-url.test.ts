import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { categoriseUrl } from "./categorise-url.js";
import { buildUrlLookup } from "./url-lookup.js";

const lookup = buildUrlLookup([
  { category: "gambling", domains: ["bet.example", "1.2.3.4"], urls: ["news.example/odds"] },
  { category: "redirector", domains: ["proxy.example"], urls: [] },
]);

describe("categoriseUrl", () => {
  it("gives an empty answer, not an error, for input with no host", () => {
    for (const input of ["", "   ", "%%%", "http://", "mailto:x@y", "[::1", "http://[::1/", "\u0000\uffff"]) {
      expect(categoriseUrl(lookup, input)).toMatchObject({ categories: [], search: null, avoidance: [] });
    }
  });

  it("answers for bare hosts, IPs and IPv6", () => {
    expect(categoriseUrl(lookup, "bet.example/poker").categories[0]?.list).toBe("gambling");
    expect(categoriseUrl(lookup, "http://1.2.3.4:8080/").categories[0]?.list).toBe("gambling");
    expect(categoriseUrl(lookup, "http://[2001:db8::1]/")).toEqual({
      host: "[2001:db8::1]",
      categories: [],
      search: null,
      avoidance: [],
    });
  });

  it("puts the host, categories, search and avoidance together", () => {
    expect(categoriseUrl(lookup, "https://www.google.com/search?q=proxy.example")).toEqual({
      host: "www.google.com",
      categories: [],
      search: { engine: "google", query: "proxy.example" },
      avoidance: [],
    });
    expect(categoriseUrl(lookup, "https://proxy.example/browse.php?u=x")).toMatchObject({
      avoidance: [
        { kind: "proxy", source: "ut1", list: "redirector" },
        { kind: "proxy", source: "pattern", list: "glype" },
      ],
    });
  });

  it("copes with a huge input quickly", () => {
    const huge = `https://bet.example/${"a".repeat(5_000_000)}`;
    expect(categoriseUrl(lookup, huge).categories[0]?.list).toBe("gambling");
    expect(categoriseUrl(lookup, "x".repeat(5_000_000)).host).toBeNull();
  });

  it("never throws, whatever the string", () => {
    const urlish = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(
          fc.constantFrom("http://", "https://", "", "//", "ftp://", "HTTP://u:p@"),
          fc.string({ maxLength: 80 }),
        )
        .map(([scheme, rest]) => scheme + rest),
      fc
        .tuple(
          fc.constantFrom(
            "www.google.com/search?q=",
            "duckduckgo.com/?q=",
            "en.wikipedia.org/wiki/Special:Search/",
          ),
          fc.string({ maxLength: 60 }),
        )
        .map(([prefix, rest]) => prefix + rest),
    );
    fc.assert(
      fc.property(urlish, fc.boolean(), (input, allowWins) => {
        const result = categoriseUrl(lookup, input, { allowWins });
        expect(Array.isArray(result.categories)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
