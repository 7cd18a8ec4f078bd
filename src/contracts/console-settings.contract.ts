/**
 * The console's settings pages: a school's ingest keys (the credentials its senders post events
 * with) and browsing the phrase library. Free of server-only imports: the console uses it too.
 */
import { z } from "zod";

export const settingsLimits = {
  keyNameMaxLength: 100,
  librarySearchMaxLength: 100,
  libraryPageMax: 100,
} as const;

export const IngestKeyCreateSchema = z.object({
  name: z
    .string({ error: "The name is required" })
    .trim()
    .min(1, "The name is required: say which sender will use the key, e.g. Squid proxy")
    .max(
      settingsLimits.keyNameMaxLength,
      `The name must be at most ${settingsLimits.keyNameMaxLength} characters`,
    ),
});
export type IngestKeyCreate = z.infer<typeof IngestKeyCreateSchema>;

export const IngestKeyParamsSchema = z.object({
  schoolId: z.uuid({ error: "The school id must be a UUID" }),
  keyId: z.uuid({ error: "The key id must be a UUID" }),
});

export interface IngestKeyView {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart; never the secret. */
  prefix: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface IngestKeyList {
  keys: IngestKeyView[];
}

/** Returned once, when the key is made: the secret is never shown again. */
export interface IngestKeyCreated {
  id: string;
  secret: string;
}

export const PhraseLibraryQuerySchema = z.object({
  category: z.string().trim().max(60, "The category must be at most 60 characters").optional(),
  q: z
    .string()
    .trim()
    .max(
      settingsLimits.librarySearchMaxLength,
      `The search must be at most ${settingsLimits.librarySearchMaxLength} characters`,
    )
    .optional(),
});

export interface PhraseRuleView {
  id: string;
  category: string;
  terms: string[];
  weight: number;
  severity: number;
  ages: string[] | null;
  note: string | null;
  examples: { match: string[]; clear: string[] };
}

export interface PhraseLibraryView {
  version: string;
  categories: { category: string; rules: number }[];
  /** Rules matching the query, at most `settingsLimits.libraryPageMax`. */
  rules: PhraseRuleView[];
  matching: number;
}

/** GET /api/v1/schools/:schoolId/retention: how long captured activity is kept, and the last purge. */
export const RetentionViewSchema = z.object({
  /** The server's VIGIL_EVENT_RETENTION_DAYS (one setting for every school on the server). */
  eventRetentionDays: z.number(),
  environmentVariable: z.literal("VIGIL_EVENT_RETENTION_DAYS"),
  /** The latest `retention.purged` audit record of the school; null before the first purge. */
  lastPurge: z.object({ at: z.string(), events: z.number(), cutoff: z.string().nullable() }).nullable(),
});
export type RetentionView = z.infer<typeof RetentionViewSchema>;
