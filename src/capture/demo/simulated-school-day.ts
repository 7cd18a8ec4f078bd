/**
 * A simulated school day for demonstrations and load: pupils browse, search, type and chat, and
 * a few of them do something a safeguarding lead must see. Deterministic for a given seed, so a
 * second run sends the same ids (and the API answers "duplicate").
 */
import { createRandom } from "../../platform/seeded-random.js";
import type { CaptureEvent } from "../../contracts/event.contract.js";
import type { DemoSites } from "./demo-sites.js";

export interface SchoolDayOptions {
  pupils: number;
  hours: number;
  /** The day's start (UTC); default 08:30 today. */
  start?: Date;
  seed?: number;
  /**
   * Where web visits go besides a handful of school sites (demo-sites.ts): one ordinary visit in
   * seven is to a watched site and three to the lists' ordinary ones, and concerning visits are to
   * concerning sites. Without it, the school sites and one proxy only.
   */
  sites?: DemoSites;
}

const sites = [
  "https://classroom.google.com/u/0/h",
  "https://www.bbc.co.uk/bitesize/subjects",
  "https://en.wikipedia.org/wiki/Photosynthesis",
  "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
  "https://docs.google.com/document/d/1abc/edit",
  "https://www.mathsisfun.com/algebra/index.html",
];
const searches = [
  "volcano facts",
  "how do plants make food",
  "world war 2 timeline",
  "french verbs etre",
  "fractions to decimals",
];
const typed = [
  "can we do the quiz after lunch",
  "my homework is attached",
  "see you at football",
  "what page are we on",
];
// About one event in a thousand is concerning, as in a real school.
const concerning: Partial<CaptureEvent>[] = [
  { kind: "typed-text", text: "honestly i want to kill myself" },
  { kind: "search", engine: "google", query: "where can i buy weed" },
  { kind: "web-visit", url: "http://abcproxy.com/browse.php?u=game" },
  { kind: "chat-message", text: "i am going to bring a knife and stab him", app: "Teams" },
];

/** How many events the day holds (about 80 per pupil per hour). */
export function schoolDaySize(options: SchoolDayOptions): number {
  return Math.round(options.pupils * options.hours * 80);
}

/** The day's events, in time order, generated lazily. */
export function* simulatedSchoolDay(options: SchoolDayOptions): Generator<CaptureEvent> {
  const next = createRandom(options.seed ?? 1);
  const start = options.start ?? todayAt(8, 30);
  const total = schoolDaySize(options);
  const span = options.hours * 3_600_000;
  const day = start.toISOString().slice(0, 10);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  // An empty list (lists without that kind) falls back to the built-in sites.
  const pickSite = (list: readonly string[]): string | null => (list.length > 0 ? pick(list) : null);
  // One ordinary visit in seven to a watched site, three to the lists' ordinary ones, and the rest
  // (null) to the school's own handful: the lists' allowed sites are mostly French.
  const listedSite = (lists: DemoSites): string | null => {
    const share = next();
    if (share < 1 / 7) return pickSite(lists.watched);
    return share < 4 / 7 ? pickSite(lists.ordinary) : null;
  };
  for (let n = 0; n < total; n++) {
    const pupil = Math.floor(next() * options.pupils);
    const common = {
      id: `demo-${day}-${n}`,
      time: new Date(start.getTime() + Math.floor((n / total) * span)).toISOString(),
      source: "vigil-demo",
      user: `pupil${String(pupil).padStart(4, "0")}@demo.school`,
      device: `LAPTOP-${String(pupil % 400).padStart(3, "0")}`,
    };
    const roll = next();
    if (roll < 0.001) {
      const concern = pick(concerning);
      const url = concern.kind === "web-visit" && options.sites ? pickSite(options.sites.concerning) : null;
      yield {
        ...common,
        kind: "web-visit",
        url: sites[0] ?? "",
        ...concern,
        ...(url ? { url } : {}),
      } as CaptureEvent;
    } else if (roll < 0.75) {
      const url = options.sites ? listedSite(options.sites) : null;
      yield { ...common, kind: "web-visit", url: url ?? pick(sites), action: "allowed", status: 200 };
    } else if (roll < 0.85) {
      yield { ...common, kind: "search", engine: "google", query: pick(searches) };
    } else if (roll < 0.95) {
      yield { ...common, kind: "typed-text", text: pick(typed) };
    } else {
      yield { ...common, kind: "window-title", title: "Google Docs - Homework", app: "chrome" };
    }
  }
}

function todayAt(hour: number, minute: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, minute));
}
