/**
 * What senders (browser extension, filter connectors, agents) post to `POST /api/v1/events`, and
 * what they get back. Each item is checked on its own, so one bad event never refuses a batch.
 */
import { z } from "zod";

/** Limits shared by the server, the CLI and senders. */
export const eventLimits = {
  batchMaxEvents: 1_000,
  batchMaxBytes: 5 * 1024 * 1024,
  idMaxLength: 128,
  sourceMaxLength: 100,
  subjectMaxLength: 200,
  urlMaxLength: 8_192,
  /** Typed text, chat messages, queries and titles. */
  textMaxLength: 8_192,
  /** Page text is longer; senders split longer pages into several events. */
  pageTextMaxLength: 65_536,
  shortFieldMaxLength: 200,
} as const;

const bounded = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);

const optionalText = (what: string, max: number) => bounded(what, max).optional();

const common = {
  id: bounded("id", eventLimits.idMaxLength),
  time: z.iso.datetime({
    offset: true,
    error: "time must be an ISO 8601 date-time, e.g. 2025-03-05T14:02:11Z",
  }),
  source: bounded("source", eventLimits.sourceMaxLength),
  user: optionalText("user", eventLimits.subjectMaxLength),
  device: optionalText("device", eventLimits.subjectMaxLength),
  ip: z.union([z.ipv4(), z.ipv6()], { error: "ip must be an IPv4 or IPv6 address" }).optional(),
};
const url = bounded("url", eventLimits.urlMaxLength);
const text = bounded("text", eventLimits.textMaxLength);

export const eventKinds = [
  "web-visit",
  "search",
  "typed-text",
  "page-text",
  "chat-message",
  "window-title",
  "screenshot",
] as const;

export const EventSchema = z
  .discriminatedUnion(
    "kind",
    [
      z.object({
        ...common,
        kind: z.literal("web-visit"),
        url,
        method: optionalText("method", 32),
        status: z.number().int().min(0).max(999).optional(),
        bytes: z.number().int().min(0).optional(),
        action: z.enum(["allowed", "blocked"], { error: "action must be allowed or blocked" }).optional(),
        filterCategory: optionalText("filterCategory", eventLimits.shortFieldMaxLength),
      }),
      z.object({
        ...common,
        kind: z.literal("search"),
        engine: bounded("engine", eventLimits.shortFieldMaxLength),
        query: bounded("query", eventLimits.textMaxLength),
        url: url.optional(),
      }),
      z.object({ ...common, kind: z.literal("typed-text"), text, url: url.optional() }),
      z.object({
        ...common,
        kind: z.literal("page-text"),
        text: bounded("text", eventLimits.pageTextMaxLength),
        url,
      }),
      z.object({
        ...common,
        kind: z.literal("chat-message"),
        text,
        app: optionalText("app", eventLimits.shortFieldMaxLength),
        url: url.optional(),
      }),
      z.object({
        ...common,
        kind: z.literal("window-title"),
        title: bounded("title", eventLimits.textMaxLength),
        app: optionalText("app", eventLimits.shortFieldMaxLength),
      }),
      z.object({
        ...common,
        kind: z.literal("screenshot"),
        // Metadata only: the image itself goes to evidence storage (a later issue).
        sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256 must be 64 lower-case hex digits"),
        width: z.number().int().min(1).max(100_000),
        height: z.number().int().min(1).max(100_000),
        url: url.optional(),
      }),
    ],
    { error: `kind must be one of ${eventKinds.join(", ")}` },
  )
  .refine((event) => event.user !== undefined || event.device !== undefined, {
    message: "an event needs a user, a device, or both",
    path: ["user"],
  });

export type CaptureEvent = z.infer<typeof EventSchema>;
export type EventKind = CaptureEvent["kind"];

/** The envelope: checked first, so that a batch that is not a list is refused as a whole. */
export const EventBatchSchema = z.object({
  events: z.array(z.unknown(), { error: "events must be a list" }),
});

export const eventOutcomes = ["accepted", "duplicate", "rejected"] as const;

export type EventItemResult =
  | { index: number; id: string; status: "accepted" | "duplicate" }
  | { index: number; id: string | null; status: "rejected"; errors: string[] };

export type EventBatchResponse = {
  accepted: number;
  duplicate: number;
  rejected: number;
  results: EventItemResult[];
};

/**
 * Ingest keys start with this, so a leaked one is recognisable in logs and secret scanners, and
 * the session layer can leave them to the event API, which checks them itself.
 */
export const ingestKeyPrefix = "vik_";
