import { describe, expect, it } from "vitest";
import { extractSearchQuery } from "./extract-search-query.js";
import { safeDecodeComponent } from "./safe-decode.js";

describe("safeDecodeComponent", () => {
  it("decodes plus, percent escapes and UTF-8", () => {
    expect(safeDecodeComponent("how+to%20tie+a+knot")).toBe("how to tie a knot");
    expect(safeDecodeComponent("caf%C3%A9")).toBe("café");
    expect(safeDecodeComponent("a+b", false)).toBe("a+b");
  });

  it("never throws on malformed escapes or broken UTF-8", () => {
    expect(safeDecodeComponent("100%zz+sure%")).toBe("100%zz sure%");
    expect(safeDecodeComponent("%E2%82")).toBe("\uFFFD");
    expect(safeDecodeComponent("bad%C3%28then%20ok")).toBe("bad\uFFFD(then ok");
  });
});

describe("extractSearchQuery", () => {
  const cases: [string, string, string][] = [
    ["https://www.google.com/search?q=how+to+kms&oq=x", "google", "how to kms"],
    ["https://www.google.co.uk/search?client=firefox&q=self%20harm", "google", "self harm"],
    ["https://www.google.com.au/search?tbm=isch&q=knives", "google", "knives"],
    ["https://images.google.de/images?q=bilder", "google", "bilder"],
    ["https://www.google.com/#q=instant+search", "google", "instant search"],
    ["https://www.bing.com/search?q=vpn+free&form=QBLH", "bing", "vpn free"],
    ["https://www.bing.com/images/search?q=cats", "bing", "cats"],
    ["https://duckduckgo.com/?q=proxy+site&ia=web", "duckduckgo", "proxy site"],
    ["https://html.duckduckgo.com/html/?q=unblocked+games", "duckduckgo", "unblocked games"],
    ["https://search.yahoo.com/search?p=cheap+vodka", "yahoo", "cheap vodka"],
    ["https://uk.search.yahoo.com/search?p=betting", "yahoo", "betting"],
    ["https://www.youtube.com/results?search_query=fight+videos", "youtube", "fight videos"],
    ["https://m.youtube.com/results?search_query=asmr", "youtube", "asmr"],
    ["https://www.ecosia.org/search?method=index&q=trees", "ecosia", "trees"],
    ["https://www.startpage.com/sp/search?query=private+search", "startpage", "private search"],
    ["https://www.startpage.com/do/dsearch?query=old+form", "startpage", "old form"],
    ["https://search.brave.com/search?q=brave+query&source=web", "brave", "brave query"],
    ["https://yandex.ru/search/?text=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82", "yandex", "привет"],
    ["https://ya.ru/search/?text=hello", "yandex", "hello"],
    ["https://www.baidu.com/s?wd=%E4%BD%A0%E5%A5%BD", "baidu", "你好"],
    ["https://www.ask.com/web?q=ask+me", "ask", "ask me"],
    ["https://www.qwant.com/?q=qwant+it&t=web", "qwant", "qwant it"],
    [
      "https://en.wikipedia.org/w/index.php?search=Knife+crime&title=Special%3ASearch",
      "wikipedia",
      "Knife crime",
    ],
    ["https://en.wikipedia.org/wiki/Special:Search?search=suicide", "wikipedia", "suicide"],
    ["https://fr.m.wikipedia.org/wiki/Sp%C3%A9cial:Recherche", "none", ""],
    ["https://en.wikipedia.org/wiki/Special:Search/Cannabis_sativa", "wikipedia", "Cannabis_sativa"],
    ["https://www.tiktok.com/search?q=blackout%20challenge", "tiktok", "blackout challenge"],
    ["https://www.tiktok.com/search/video?q=dance", "tiktok", "dance"],
    ["https://www.instagram.com/explore/search/keyword/?q=thinspo", "instagram", "thinspo"],
    ["https://www.instagram.com/explore/tags/proana/", "instagram", "#proana"],
    ["https://www.reddit.com/search/?q=how+to+buy+weed", "reddit", "how to buy weed"],
    ["https://old.reddit.com/r/teenagers/search?q=sad&restrict_sr=1", "reddit", "sad"],
    ["https://twitter.com/search?q=%23fight&src=typed_query", "x", "#fight"],
    ["https://x.com/search?q=news", "x", "news"],
    ["https://www.amazon.co.uk/s?k=lock+knife", "amazon", "lock knife"],
    ["https://www.amazon.com/s?field-keywords=old+style", "amazon", "old style"],
    ["https://www.pinterest.com/search/pins/?q=tattoo%20ideas", "pinterest", "tattoo ideas"],
    ["https://uk.pinterest.com/search/pins/?q=hair", "pinterest", "hair"],
    ["https://www.facebook.com/search/top?q=jobs", "facebook", "jobs"],
    ["https://www.ebay.co.uk/sch/i.html?_nkw=airsoft+gun", "ebay", "airsoft gun"],
    ["https://search.aol.com/aol/search?q=aol+query", "aol", "aol query"],
    ["https://www.twitch.tv/search?term=fortnite", "twitch", "fortnite"],
    ["https://vimeo.com/search?q=short+film", "vimeo", "short film"],
    ["https://search.naver.com/search.naver?query=kpop", "naver", "kpop"],
    ["https://search.seznam.cz/?q=praha", "seznam", "praha"],
    ["https://www.perplexity.ai/search?q=what+is+vaping", "perplexity", "what is vaping"],
    ["https://open.spotify.com/search/sad%20songs", "spotify", "sad songs"],
    ["https://music.youtube.com/search?q=drill", "youtube", "drill"],
  ];

  it.each(cases)("%s", (url, engine, query) => {
    expect(extractSearchQuery(url)).toEqual(engine === "none" ? null : { engine, query });
  });

  it("works on bare hosts and collapses whitespace", () => {
    expect(extractSearchQuery("google.com/search?q=++two%20%20spaces++")).toEqual({
      engine: "google",
      query: "two spaces",
    });
  });

  it("survives malformed percent-encoding", () => {
    expect(extractSearchQuery("https://www.google.com/search?q=100%zz+legit%")).toEqual({
      engine: "google",
      query: "100%zz legit%",
    });
    expect(extractSearchQuery("https://www.bing.com/search?q=%E2%82")).toEqual({
      engine: "bing",
      query: "\uFFFD",
    });
  });

  it("ignores non-search pages, empty queries and lookalike hosts", () => {
    for (const url of [
      "https://www.google.com/maps?q=london",
      "https://www.google.com/url?q=https://evil.example",
      "https://www.google.com/search?q=",
      "https://www.google.com/search?q=+++",
      "https://google.evil.example/search?q=x",
      "https://notgoogle.com/search?q=x",
      "https://www.youtube.com/watch?v=abc",
      "https://example.com/search?q=x",
    ]) {
      expect(extractSearchQuery(url)).toBeNull();
    }
  });

  it("prefers the first listed parameter and cuts very long queries", () => {
    expect(extractSearchQuery("https://search.yahoo.com/search?q=second&p=first")?.query).toBe("first");
    expect(extractSearchQuery(`https://www.google.com/search?q=${"a".repeat(5000)}`)?.query).toHaveLength(
      1000,
    );
  });
});
