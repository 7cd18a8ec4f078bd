/**
 * Where common search boxes put the query. Each rule names the hosts, the results path and the
 * parameters to read, in order of preference; `fromPath` reads a query written into the path
 * (`/wiki/Special:Search/term`, `/explore/tags/term`). Host patterns are anchored so
 * `google.evil.example` is not Google.
 */

export type SearchEngineRule = {
  engine: string;
  host: RegExp;
  path: RegExp;
  params: readonly string[];
  /** Also read the fragment (`google.com/#q=`, from Google's instant-search days). */
  fragment?: boolean;
  /** A query in the path: group 1, percent-encoded; `prefix` goes before it (`#` for a tag). */
  fromPath?: RegExp;
  prefix?: string;
};

const rule = (engine: string, host: RegExp, path: RegExp, params: readonly string[]): SearchEngineRule => ({
  engine,
  host,
  path,
  params,
});

const NEVER = /(?!)/;
const AMAZON_TLD =
  "(?:com|ca|de|fr|it|es|nl|se|pl|in|ie|ae|sa|sg|eg|co\\.uk|co\\.jp|com\\.(?:au|br|mx|tr|be))";
const PINTEREST_TLD = "(?:com|ca|de|fr|es|it|jp|nz|pt|ie|at|ch|se|dk|cl|ph|ru|kr|co\\.uk|com\\.(?:au|mx))";
const EBAY_TLD = "(?:com|de|fr|it|es|ca|ie|nl|at|ch|be|pl|co\\.uk|com\\.au)";

export const SEARCH_ENGINE_RULES: readonly SearchEngineRule[] = [
  {
    ...rule(
      "google",
      /^(?:www\.|images\.)?google\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$/,
      /^\/(?:search|webhp|images)?\/?$/i,
      ["q", "as_q"],
    ),
    fragment: true,
  },
  rule("bing", /^(?:www\.|cn\.)?bing\.com$/, /^\/(?:(?:images|videos|news|shop)\/)?search\/?$/i, ["q"]),
  rule("duckduckgo", /^(?:www\.|html\.|lite\.|start\.)?duckduckgo\.com$/, /^\/(?:html\/?|lite\/?)?$/i, ["q"]),
  rule("yahoo", /^(?:[a-z0-9-]+\.)*search\.yahoo\.(?:com|co\.jp)$/, /^\/(?:yhs\/)?search/i, ["p", "q"]),
  rule("youtube", /^(?:www\.|m\.)?youtube\.com$/, /^\/results\/?$/i, ["search_query", "q"]),
  rule("youtube", /^music\.youtube\.com$/, /^\/search\/?$/i, ["q"]),
  rule("ecosia", /^(?:www\.)?ecosia\.org$/, /^\/(?:search|images|videos|news)\/?$/i, ["q"]),
  rule("startpage", /^(?:www\.|[a-z]{2}\.)?startpage\.(?:com|nl)$/, /^\/(?:do|sp|rvd)\/[a-z]*search\/?$/i, [
    "query",
    "q",
  ]),
  rule("brave", /^search\.brave\.com$/, /^\/(?:search|images|videos|news)\/?$/i, ["q"]),
  rule(
    "yandex",
    /^(?:(?:www\.)?yandex\.(?:ru|com|by|kz|ua|uz|az|fr|com\.tr|com\.am)|ya\.ru)$/,
    /^\/(?:(?:images|video)\/)?search\/?(?:touch\/?)?$/i,
    ["text"],
  ),
  rule("baidu", /^(?:www\.|m\.|image\.)?baidu\.com$/, /^\/(?:s|search\/index)\/?$/i, ["wd", "word", "kw"]),
  rule("ask", /^(?:www\.)?ask\.com$/, /^\/web\/?$/i, ["q"]),
  rule("qwant", /^(?:www\.|lite\.)?qwant\.com$/, /^\/$/, ["q"]),
  {
    ...rule("wikipedia", /^[a-z-]+\.(?:m\.)?wikipedia\.org$/, /^\/(?:w\/index\.php|wiki\/special:search)$/i, [
      "search",
    ]),
    fromPath: /^\/wiki\/special:search\/([^/]+)$/i,
  },
  rule("tiktok", /^(?:www\.|m\.)?tiktok\.com$/, /^\/search(?:\/(?:user|video|live|photo))?\/?$/i, ["q"]),
  {
    ...rule("instagram", /^(?:www\.)?instagram\.com$/, /^\/explore\/search\/keyword\/?$/i, ["q"]),
    fromPath: /^\/explore\/tags\/([^/]+)\/?$/i,
    prefix: "#",
  },
  rule("reddit", /^(?:www\.|old\.|new\.|np\.)?reddit\.com$/, /^\/(?:r\/[^/]+\/)?search\/?$/i, ["q"]),
  rule("x", /^(?:www\.|mobile\.)?(?:twitter|x)\.com$/, /^\/search\/?$/i, ["q"]),
  rule("amazon", new RegExp(`^(?:www\\.|smile\\.)?amazon\\.${AMAZON_TLD}$`), /^\/s\/?$/i, [
    "k",
    "field-keywords",
  ]),
  rule(
    "pinterest",
    new RegExp(`^(?:[a-z]{2}\\.|www\\.)?pinterest\\.${PINTEREST_TLD}$`),
    /^\/search\/(?:pins|boards|users|videos|my_pins)?\/?$/i,
    ["q"],
  ),
  rule("facebook", /^(?:www\.|m\.|web\.)?facebook\.com$/, /^\/search(?:\/[a-z]+)?\/?$/i, ["q"]),
  rule("ebay", new RegExp(`^(?:www\\.)?ebay\\.${EBAY_TLD}$`), /^\/sch\//i, ["_nkw"]),
  rule("aol", /^search\.aol\.(?:com|co\.uk)$/, /^\/aol\/(?:search|image|video)\/?$/i, ["q"]),
  rule("twitch", /^(?:www\.|m\.)?twitch\.tv$/, /^\/search\/?$/i, ["term"]),
  rule("vimeo", /^(?:www\.)?vimeo\.com$/, /^\/search\/?$/i, ["q"]),
  rule("naver", /^(?:m\.)?search\.naver\.com$/, /^\/search\.naver$/i, ["query"]),
  rule("seznam", /^search\.seznam\.cz$/, /^\/?$/, ["q"]),
  rule("perplexity", /^(?:www\.)?perplexity\.ai$/, /^\/search\/?$/i, ["q"]),
  { ...rule("spotify", /^open\.spotify\.com$/, NEVER, []), fromPath: /^\/search\/([^/]+)/i },
];

/** Labels that pick candidate rules cheaply: a set lookup per label, not a regex per rule. */
const BRANDS = new Set([...SEARCH_ENGINE_RULES.map((engineRule) => engineRule.engine), "ya", "twitter"]);

/** The engine whose brand is a label of `host` (`www.google.co.uk` → google), or undefined. */
export function findEngineBrand(host: string): string | undefined {
  let end = host.lastIndexOf(".");
  // The TLD is never the brand; the brand is one of the two labels before it (google.co.uk).
  for (let tries = 0; tries < 2 && end > 0; tries++) {
    const start = host.lastIndexOf(".", end - 1) + 1;
    const label = host.slice(start, end);
    if (BRANDS.has(label)) return engineForBrand(label);
    end = start - 1;
  }
  return undefined;
}

const BRAND_ALIASES: Readonly<Record<string, string>> = { ya: "yandex", twitter: "x" };

/** Rules grouped by the brand label their hosts carry. */
export const RULES_BY_BRAND: ReadonlyMap<string, readonly SearchEngineRule[]> = groupByBrand();

function groupByBrand(): Map<string, SearchEngineRule[]> {
  const byBrand = new Map<string, SearchEngineRule[]>();
  for (const engineRule of SEARCH_ENGINE_RULES) {
    const rules = byBrand.get(engineRule.engine) ?? [];
    rules.push(engineRule);
    byBrand.set(engineRule.engine, rules);
  }
  return byBrand;
}

/** The engine name a brand label belongs to (`ya` is Yandex, `twitter` is X). */
function engineForBrand(brand: string): string {
  return BRAND_ALIASES[brand] ?? brand;
}
