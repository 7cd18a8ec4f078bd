import { describe, expect, it } from "vitest";
import { categoriseUrl } from "./categorise-url.js";
import { buildUrlLookup } from "./url-lookup.js";

const lookup = buildUrlLookup([
  { category: "redirector", domains: ["proxysite.example"], urls: [] },
  { category: "strict_redirector", domains: [], urls: ["cache.example/anon"] },
  { category: "vpn", domains: ["vpn.example"], urls: [] },
  { category: "doh", domains: ["doh.example"], urls: [] },
  { category: "hacking", domains: ["hack.example"], urls: [] },
  { category: "liste_blanche", domains: ["school.example"], urls: [] },
]);
const avoidance = (url: string) =>
  categoriseUrl(lookup, url).avoidance.map(({ kind, list }) => `${kind}:${list}`);

describe("avoidance flags", () => {
  it("flags proxy, VPN and DoH lists, with proxy-hacking as the category", () => {
    expect(avoidance("https://www.proxysite.example/")).toEqual(["proxy:redirector"]);
    expect(avoidance("cache.example/anon/x")).toEqual(["proxy:strict_redirector"]);
    expect(avoidance("https://vpn.example/download")).toEqual(["vpn:vpn"]);
    expect(avoidance("https://doh.example/")).toEqual(["doh:doh"]);
    expect(categoriseUrl(lookup, "https://vpn.example/").categories[0]?.vigil).toBe("proxy-hacking");
  });

  it("does not call hacking sites avoidance, though they are proxy-hacking", () => {
    const result = categoriseUrl(lookup, "hack.example");
    expect(result.avoidance).toEqual([]);
    expect(result.categories.map((hit) => hit.vigil)).toEqual(["proxy-hacking"]);
  });

  it("flags DNS-over-HTTPS endpoints on any list or none", () => {
    expect(avoidance("https://dns.google/resolve?name=example.com&type=A")).toEqual(["doh:doh-endpoint"]);
    expect(avoidance("https://cloudflare-dns.com/dns-query?dns=AAABAAAB")).toEqual(["doh:doh-endpoint"]);
    expect(avoidance("https://my-own-resolver.example/dns-query")).toEqual(["doh:doh-endpoint"]);
    expect(avoidance("https://dns.google/")).toEqual([]);
    expect(avoidance("https://example.com/resolve?name=x")).toEqual([]);
  });

  it("flags web-proxy scripts by the shape of their URLs", () => {
    expect(avoidance("http://unknown.example/browse.php?u=Oi8vd3d3&b=4")).toEqual(["proxy:glype"]);
    expect(avoidance("http://unknown.example/cgi-bin/nph-proxy.cgi/010110A/http/x.com/")).toEqual([
      "proxy:cgiproxy",
    ]);
    expect(avoidance("https://fr.croxyproxy.example/?__cpo=aHR0cHM6Ly93d3c")).toEqual(["proxy:croxyproxy"]);
    expect(avoidance("https://www-example-com.translate.goog/page?_x_tr_sl=auto")).toEqual([
      "proxy:translate-proxy",
    ]);
    expect(avoidance("https://unblocker.example/proxy.php?url=https%3A%2F%2Fdiscord.com")).toEqual([
      "proxy:url-relay",
    ]);
    const hit = categoriseUrl(lookup, "http://unknown.example/browse.php?u=x").categories[0];
    expect(hit).toEqual({
      vigil: "proxy-hacking",
      kind: "alert",
      source: "pattern",
      list: "glype",
      matched: "unknown.example",
    });
  });

  it("leaves ordinary redirects and share links alone", () => {
    for (const url of [
      "https://accounts.example.com/login?url=https://app.example.com/home",
      "https://www.facebook.com/sharer.php?u=https://news.example",
      "https://www.google.com/url?q=https://example.org",
      "https://example.com/browse.php",
      "https://shop.example/proxy-settings?url=/account",
    ]) {
      expect(avoidance(url)).toEqual([]);
    }
  });

  it("drops avoidance on an allowed site when the allow list wins", () => {
    expect(avoidance("https://school.example/browse.php?u=abc")).toEqual(["proxy:glype"]);
    const allowed = categoriseUrl(lookup, "https://school.example/browse.php?u=abc", { allowWins: true });
    expect(allowed.avoidance).toEqual([]);
    expect(allowed.categories.map((hit) => hit.list)).toEqual(["liste_blanche"]);
  });
});
