/**
 * The one stored shape of a captured event, whichever way it came in (the API or a log file),
 * so detection and reads downstream never ask where an event came from.
 */
import type { Selectable } from "kysely";
import type { CaptureEvent } from "../../contracts/event.contract.js";
import type { EventsTable } from "../../db/schema.js";
import { parseUrlParts } from "../../detection/urls/index.js";
import type { ParsedLogEvent } from "../log-line.js";
import { newSortableId } from "../../platform/sortable-id.js";

/** Every column set, so a row about to be stored reads like a stored one (detection takes either). */
export type EventRow = Selectable<EventsTable>;

type Common = Pick<
  EventRow,
  "school_id" | "source" | "sender_id" | "time" | "user_name" | "device" | "ip" | "received_at"
>;

/** The row for an event posted to the API. */
export function rowOfApiEvent(schoolId: string, event: CaptureEvent, receivedAt: string): EventRow {
  const common: Common = {
    school_id: schoolId,
    source: event.source,
    sender_id: event.id,
    time: new Date(event.time).toISOString(),
    user_name: event.user ?? null,
    device: event.device ?? null,
    ip: event.ip ?? null,
    received_at: receivedAt,
  };
  switch (event.kind) {
    case "web-visit":
      return row(common, event.kind, {
        url: event.url,
        action: event.action ?? null,
        filter_category: event.filterCategory ?? null,
        detail: { method: event.method, status: event.status, bytes: event.bytes },
      });
    case "search":
      return row(common, event.kind, { url: event.url, text: event.query, detail: { engine: event.engine } });
    case "typed-text":
    case "page-text":
      return row(common, event.kind, { url: event.url, text: event.text });
    case "chat-message":
      return row(common, event.kind, { url: event.url, text: event.text, detail: { app: event.app } });
    case "window-title":
      return row(common, event.kind, { text: event.title, detail: { app: event.app } });
    case "screenshot":
      return row(common, event.kind, {
        url: event.url,
        detail: { sha256: event.sha256, width: event.width, height: event.height },
      });
  }
}

/** The row for a parsed log line; `senderId` makes a re-read line a duplicate, not a new event. */
export function rowOfLogEvent(
  schoolId: string,
  source: string,
  senderId: string,
  event: ParsedLogEvent,
  receivedAt: string,
): EventRow {
  const common: Common = {
    school_id: schoolId,
    source,
    sender_id: senderId,
    time: event.time,
    user_name: event.user ?? null,
    device: event.clientHost ?? null,
    ip: event.clientIp ?? null,
    received_at: receivedAt,
  };
  return row(common, event.kind, {
    url: event.url,
    host: event.host ?? null,
    action: event.action === "unknown" ? null : event.action,
    filter_category: event.filterCategory ?? null,
    detail: {
      method: event.method,
      status: event.status,
      bytes: event.bytes,
      resultCode: event.resultCode,
      reason: event.reason,
      queryType: event.queryType,
    },
  });
}

interface Specific {
  url?: string | undefined;
  host?: string | null;
  text?: string | null;
  action?: string | null;
  filter_category?: string | null;
  detail?: Record<string, unknown>;
}

function row(common: Common, kind: string, specific: Specific): EventRow {
  const url = specific.url ?? null;
  return {
    id: newSortableId(),
    ...common,
    kind,
    url,
    host: specific.host ?? (url === null ? null : (parseUrlParts(url)?.host ?? null)),
    text: specific.text ?? null,
    action: specific.action ?? null,
    filter_category: specific.filter_category ?? null,
    detail: detailJson(specific.detail),
    processed_at: null,
  };
}

function detailJson(detail: Record<string, unknown> | undefined): string | null {
  if (detail === undefined) return null;
  // JSON leaves out fields that are undefined; nothing left is no detail.
  const json = JSON.stringify(detail);
  return json === "{}" ? null : json;
}
