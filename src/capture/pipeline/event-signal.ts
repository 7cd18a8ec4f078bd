/**
 * Detection for one stored event: the text the person wrote or saw (typed text, chat, page text,
 * search query, window title; for a web visit, the query read from a search URL) goes through
 * the phrase engine, and the URL or host through the category lists, where a visit to an
 * alert-category site or a sign of filter avoidance is itself a signal.
 */
import type { AlertExplanation, AlertSignal } from "../../alerts/alert-signal.js";
import { evidenceWindow } from "../../alerts/evidence-window.js";
import type { SchoolDetector } from "../../detection/overrides/with-school-overrides.js";
import { categoriseUrl, type UrlCategorisation, type UrlLookup } from "../../detection/urls/index.js";
import type { QueuedEvent } from "../events/event-queue.js";

/** Severity of a URL hit alone, by category; the text's rule severities are the library's. */
const urlSeverity: Readonly<Record<string, number>> = {
  adult: 3,
  "self-harm": 4,
  extremism: 4,
  hate: 3,
  violence: 3,
  drugs: 3,
  gambling: 2,
  "proxy-hacking": 2,
};

/** The alert signal of one event, or null when nothing in it is concerning. */
export function signalOfEvent(
  event: QueuedEvent,
  detector: SchoolDetector,
  lookup: UrlLookup,
  createdBy: string,
): AlertSignal | null {
  const target = event.url ?? event.host;
  const categorised =
    target !== null && (event.kind === "web-visit" || event.kind === "dns-query")
      ? categoriseUrl(lookup, target)
      : null;
  const text = textOf(event, categorised);
  const scan =
    text === null ? null : detector.scan(text, { site: event.host ?? event.url, user: event.user_name });
  const flaggedText = scan?.flagged === true ? scan : null;
  const urlHits = (categorised?.categories ?? []).filter((hit) => hit.kind === "alert");
  if (!flaggedText && urlHits.length === 0) return null;

  const flaggedCategories = new Set(
    flaggedText?.categories.filter((category) => category.flagged).map((category) => category.category),
  );
  const matches = (flaggedText?.matches ?? []).filter(
    (match) => match.counted && match.weight > 0 && flaggedCategories.has(match.category),
  );
  const avoidance = new Map((categorised?.avoidance ?? []).map((flag) => [flag.list, flag.kind]));
  const explanation: AlertExplanation = {
    libraryVersion: scan?.libraryVersion ?? detector.library.version,
    profile: scan?.profile ?? null,
    matches: matches.map(({ ruleId, category, text: matched, weight, severity }) => ({
      ruleId,
      category,
      text: matched,
      weight,
      severity,
    })),
    scores: (flaggedText?.categories ?? [])
      .filter((category) => category.flagged)
      .map(({ category, score, threshold }) => ({ category, score, threshold })),
    url: urlHits.map((hit) => ({
      category: hit.vigil,
      source: hit.source,
      list: hit.list,
      matched: hit.matched,
      avoidance: avoidance.get(hit.list) ?? null,
    })),
    eventKind: event.kind,
    action: event.action,
  };
  const ruleIds = [
    ...matches.map((match) => match.ruleId),
    ...urlHits.map((hit) => `url.${hit.source}.${hit.list}`),
  ];
  return {
    schoolId: event.school_id,
    eventId: event.id,
    time: event.time,
    userName: event.user_name,
    device: event.device,
    ip: event.ip,
    url: event.url ?? event.host,
    severity: Math.max(flaggedText?.severity ?? 0, ...urlHits.map((hit) => urlSeverity[hit.vigil] ?? 3)),
    categories: [...new Set([...flaggedCategories, ...urlHits.map((hit) => hit.vigil)])].sort(),
    ruleIds: [...new Set(ruleIds)].sort(),
    explanation,
    evidence: text === null || !flaggedText ? null : evidenceWindow(text, matches),
    createdBy,
  };
}

function textOf(event: QueuedEvent, categorised: UrlCategorisation | null): string | null {
  if (event.kind === "web-visit" || event.kind === "dns-query") return categorised?.search?.query ?? null;
  return event.text;
}
