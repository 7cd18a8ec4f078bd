/**
 * The categories a URL hit can carry, and how each UT1 list maps onto them. The mapping is a
 * constant rather than a YAML file so the browser extension gets it without a parser, and so a
 * typo in a category id is a type error. `library/urls/README.md` shows the same table.
 */
import { CATEGORIES, type Category } from "../rule.js";

/**
 * Vigil's alert categories, the same ids the phrase library uses (library/README.md). A URL hit
 * in one of these is a safeguarding signal.
 */
export const VIGIL_CATEGORIES = CATEGORIES;
export type VigilCategory = Category;

/** Context categories: worth recording beside an alert, never an alert on their own. */
export const INFO_CATEGORIES = [
  "social-networks",
  "chat",
  "games",
  "dating",
  "warez",
  "streaming",
  "shortener",
  "ai",
  "cheating",
  "remote-control",
  "cult",
  "lingerie",
  "mixed-adult",
  "sexual-education",
  "other",
] as const;
export type InfoCategory = (typeof INFO_CATEGORIES)[number];

/** `allowed` marks a site on an allow list (UT1 `liste_blanche`, a school's own list). */
export type UrlCategory = VigilCategory | InfoCategory | "allowed";
export type ListKind = "alert" | "info" | "allow";
/** Which way a pupil may be getting around the filter. */
export type AvoidanceKind = "proxy" | "vpn" | "doh";

export type ListMapping = { vigil: UrlCategory; kind: ListKind; avoidance?: AvoidanceKind };

const alert = (vigil: VigilCategory, avoidance?: AvoidanceKind): ListMapping =>
  avoidance ? { vigil, kind: "alert", avoidance } : { vigil, kind: "alert" };
const info = (vigil: InfoCategory): ListMapping => ({ vigil, kind: "info" });
const allow: ListMapping = { vigil: "allowed", kind: "allow" };

/**
 * UT1 list name to Vigil category. Choices worth knowing: `agressif` is racist and antisemitic
 * sites, so `hate`; `sect` is cults and fringe religious groups, which would be a false alarm as
 * `extremism`, so it is context only; `sexual_education` is context that explains away an
 * `adult` hit; `child` is UT1's list of sites fit for under-tens, so an allow list.
 */
export const UT1_CATEGORY_MAP: Readonly<Record<string, ListMapping>> = {
  adult: alert("adult"),
  agressif: alert("hate"),
  dangerous_material: alert("violence"),
  drogue: alert("drugs"),
  gambling: alert("gambling"),
  arjel: alert("gambling"),
  hacking: alert("proxy-hacking"),
  ddos: alert("proxy-hacking"),
  stalkerware: alert("proxy-hacking"),
  redirector: alert("proxy-hacking", "proxy"),
  strict_redirector: alert("proxy-hacking", "proxy"),
  strong_redirector: alert("proxy-hacking", "proxy"),
  "residential-proxies": alert("proxy-hacking", "proxy"),
  vpn: alert("proxy-hacking", "vpn"),
  doh: alert("proxy-hacking", "doh"),
  social_networks: info("social-networks"),
  chat: info("chat"),
  games: info("games"),
  dating: info("dating"),
  warez: info("warez"),
  "audio-video": info("streaming"),
  shortener: info("shortener"),
  ai: info("ai"),
  tricheur: info("cheating"),
  "remote-control": info("remote-control"),
  sect: info("cult"),
  lingerie: info("lingerie"),
  mixed_adult: info("mixed-adult"),
  sexual_education: info("sexual-education"),
  liste_blanche: allow,
  child: allow,
};

const vigilIds = new Set<string>(VIGIL_CATEGORIES);
const infoIds = new Set<string>(INFO_CATEGORIES);

/**
 * How a list named `name` is treated: a UT1 name, else a Vigil category id used directly (a
 * school's own `gambling` list), else `allow`/`allowed`, else context under `other`.
 */
export function resolveListMapping(name: string): ListMapping {
  const known = Object.hasOwn(UT1_CATEGORY_MAP, name) ? UT1_CATEGORY_MAP[name] : undefined;
  if (known) return known;
  if (vigilIds.has(name)) return { vigil: name as VigilCategory, kind: "alert" };
  if (name === "allow" || name === "allowed") return allow;
  if (infoIds.has(name)) return { vigil: name as InfoCategory, kind: "info" };
  return info("other");
}
