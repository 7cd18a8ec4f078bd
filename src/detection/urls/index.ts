/**
 * URL categorisation: UT1-style domain and URL-prefix lists compiled into typed arrays, search
 * queries read from search-engine URLs, and filter-avoidance flags. Pure: no I/O, no Node
 * built-ins, so the browser extension runs the same code as the server.
 */
export { canonicaliseHost } from "./canonical-host.js";
export { parseUrlParts, type UrlParts } from "./parse-url.js";
export {
  categoriseUrl,
  type AvoidanceFlag,
  type CategoriseOptions,
  type UrlCategorisation,
  type UrlCategoryHit,
} from "./categorise-url.js";
export { extractSearchQuery, type SearchQuery } from "./extract-search-query.js";
export { findAvoidancePatterns, type AvoidancePattern } from "./avoidance-patterns.js";
export { buildUrlLookup, type UrlListInput, type UrlListInfo, type UrlLookup } from "./url-lookup.js";
export { serialiseUrlLookup, deserialiseUrlLookup } from "./serialise-lookup.js";
export { parseUrlListBundle, formatUrlListBundle } from "./list-bundle.js";
export { loadUrlLists, loadUrlListsFromText, gunzipIfNeeded } from "./load-url-lists.js";
export { safeDecodeComponent } from "./safe-decode.js";
export { UrlListFormatError } from "./url-list-error.js";
export {
  INFO_CATEGORIES,
  resolveListMapping,
  UT1_CATEGORY_MAP,
  VIGIL_CATEGORIES,
  type AvoidanceKind,
  type InfoCategory,
  type ListKind,
  type ListMapping,
  type UrlCategory,
  type VigilCategory,
} from "./url-categories.js";
