/**
 * "What if": replays a school's recent captured events through its detector as it is and with a
 * proposed change (a suppression, a category threshold, or a new library version), and reports which
 * alerts would appear or disappear. Read-only; events are streamed in pages by keyset, and the
 * replay is bounded.
 */
import type { Kysely } from "kysely";
import type { WhatIfRequest, WhatIfResult } from "../contracts/alert.contract.js";
import type { Database } from "../db/schema.js";
import type { Detector } from "../detection/index.js";
import type { SchoolDetector } from "../detection/overrides/with-school-overrides.js";
import type { UrlLookup } from "../detection/urls/index.js";
import { signalOfEvent } from "../capture/pipeline/event-signal.js";
import { SchoolDetectors } from "../capture/pipeline/school-detectors.js";
import type { AlertSignal } from "./alert-signal.js";
import { alertGroupKey } from "./record-alert.js";
import { suppressionsCovering, suppressionsInForce, type SuppressionRule } from "./suppression-match.js";
import { withCategoryThreshold } from "./with-category-threshold.js";

export const whatIfPageSize = 1_000;
/** Most events one replay reads, so a busy school's request stays within seconds. */
export const whatIfMaxEvents = 200_000;
const sampleSize = 10;

/**
 * A new library version, already loaded and compiled. Only the shell offers it (from a folder the
 * operator names); the API takes no paths, so it is not part of the request contract.
 */
export interface LibraryChange {
  kind: "library";
  detector: Detector;
  /** The proposed library's version, for the audit record and the report. */
  version: string;
}

/** What the replay compares against today's detector and suppressions. */
export interface WhatIfProposal {
  change: WhatIfRequest["change"] | LibraryChange;
  days: number;
}

/** Runs the replay for `schoolId`. */
export async function replayWhatIf(
  db: Kysely<Database>,
  schoolId: string,
  request: WhatIfProposal,
  tools: {
    detector: Detector;
    lookup: UrlLookup;
    now?: Date;
    maxEvents?: number;
    /** Told the running total after each page, so a long replay at the shell shows progress. */
    onProgress?: (eventsReplayed: number) => void;
  },
): Promise<WhatIfResult> {
  const now = tools.now ?? new Date();
  const maxEvents = tools.maxEvents ?? whatIfMaxEvents;
  const current = await new SchoolDetectors(db, tools.detector).forSchool(schoolId, now.getTime());
  const { change } = request;
  // A new library keeps the school's overrides on top, as the pipeline would once it shipped.
  const proposed: SchoolDetector =
    change.kind === "threshold"
      ? withCategoryThreshold(current, change.category, change.threshold)
      : change.kind === "library"
        ? await new SchoolDetectors(db, change.detector).forSchool(schoolId, now.getTime())
        : current;
  const suppressions = await suppressionsInForce(db, schoolId, now.toISOString());
  const proposedSuppressions: SuppressionRule[] =
    change.kind === "suppression"
      ? [
          ...suppressions,
          {
            id: "proposed",
            ruleId: change.ruleId,
            scope: change.scope,
            value: change.scope === "school" ? null : (change.value ?? null),
          },
        ]
      : suppressions;

  const since = new Date(now.getTime() - request.days * 86_400_000).toISOString();
  const before = new Set<string>();
  const after = new Set<string>();
  const appear = { count: 0, sample: [] as unknown[] };
  const disappear = { count: 0, sample: [] as unknown[] };
  let replayed = 0;
  let truncated = false;
  let cursor: { time: string; id: string } | null = null;
  const createdBy = "what-if replay";
  for (;;) {
    const take = Math.min(whatIfPageSize, maxEvents - replayed);
    if (take <= 0) {
      truncated = true;
      break;
    }
    let page = db
      .selectFrom("events")
      .selectAll()
      .where("school_id", "=", schoolId)
      .where("time", ">=", since)
      .where("time", "<=", now.toISOString());
    if (cursor) {
      const { time, id } = cursor;
      page = page.where((eb) =>
        eb.or([eb("time", ">", time), eb.and([eb("time", "=", time), eb("id", ">", id)])]),
      );
    }
    const events = await page.orderBy("time").orderBy("id").limit(take).execute();
    for (const event of events) {
      const was = kept(signalOfEvent(event, current, tools.lookup, createdBy), suppressions);
      const would =
        change.kind === "threshold" || change.kind === "library"
          ? kept(signalOfEvent(event, proposed, tools.lookup, createdBy), suppressions)
          : kept(was, proposedSuppressions);
      if (was) before.add(alertGroupKey(was));
      if (would) after.add(alertGroupKey(would));
      if (was && !would) note(disappear, was);
      if (would && !was) note(appear, would);
    }
    replayed += events.length;
    tools.onProgress?.(replayed);
    const last = events[events.length - 1];
    if (!last || events.length < take) break;
    cursor = { time: last.time, id: last.id };
  }
  return { eventsReplayed: replayed, truncated, before: before.size, after: after.size, appear, disappear };
}

function kept(signal: AlertSignal | null, suppressions: readonly SuppressionRule[]): AlertSignal | null {
  if (!signal) return null;
  return suppressionsCovering(suppressions, signal) ? null : signal;
}

function note(bucket: { count: number; sample: unknown[] }, signal: AlertSignal): void {
  bucket.count += 1;
  if (bucket.sample.length < sampleSize) {
    bucket.sample.push({
      eventId: signal.eventId,
      time: signal.time,
      user: signal.userName,
      device: signal.device,
      url: signal.url,
      severity: signal.severity,
      categories: signal.categories,
      ruleIds: signal.ruleIds,
    });
  }
}
