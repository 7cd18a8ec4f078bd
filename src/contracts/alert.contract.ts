/**
 * Alerts over the API: the triage queue, one alert's detail, triage actions (status, assignment,
 * notes, bulk), suppressions, rule precision and the "what if" replay. One source of truth for
 * the server, the console and the CLI.
 */
import { z } from "zod";
import { CATEGORIES } from "../detection/index.js";
import { AGE_GROUPS } from "../directory/age-group.js";

/**
 * The closed list of alert statuses. `incident` is set only by raising the alert to an incident
 * (src/alerts/raise-alerts-to-incident.ts). "Acknowledged" means exactly: the status is not `new`.
 */
export const ALERT_STATUSES = ["new", "in-review", "false-positive", "no-action", "incident"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Statuses still waiting for a decision (the default queue). */
export const OPEN_ALERT_STATUSES: readonly AlertStatus[] = ["new", "in-review"];

/** True once someone has acted on the alert: it has left `new`. Escalation relies on exactly this. */
export function isAcknowledged(status: string): boolean {
  return status !== "new";
}

export const alertLimits = {
  pageMax: 100,
  pageDefault: 50,
  noteMaxLength: 2_000,
  bulkMax: 500,
  reasonMaxLength: 500,
  /** Longest suppression, so a forgotten one cannot hide a rule for ever. */
  suppressionMaxDays: 366,
  whatIfMaxDays: 30,
} as const;

const statusEnum = z.enum(ALERT_STATUSES, { error: `status must be one of ${ALERT_STATUSES.join(", ")}` });
const categoryEnum = z.enum(CATEGORIES, { error: `category must be one of ${CATEGORIES.join(", ")}` });
const ageGroupEnum = z.enum(AGE_GROUPS, { error: `ageGroup must be one of ${AGE_GROUPS.join(", ")}` });
const note = z
  .string({ error: "note must be text" })
  .trim()
  .min(1, "note must not be empty")
  .max(alertLimits.noteMaxLength, `note must be at most ${alertLimits.noteMaxLength} characters`);

/** Query string of the triage queue. `status` may repeat or be comma-separated. */
export const AlertQueueQuerySchema = z.object({
  status: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : [value].flat().flatMap((item) => item.split(","))))
    .pipe(z.array(statusEnum)),
  minSeverity: z.coerce
    .number({ error: "minSeverity must be a number from 1 to 5" })
    .int("minSeverity must be a whole number from 1 to 5")
    .min(1, "minSeverity must be from 1 to 5")
    .max(5, "minSeverity must be from 1 to 5")
    .optional(),
  category: categoryEnum.optional(),
  /** Only alerts of pupils the directory places in this age group (src/directory/age-group.ts). */
  ageGroup: ageGroupEnum.optional(),
  /** true: only alerts about a member of staff; false: only the others (pupils, unknown people). */
  aboutStaff: z
    .union([z.boolean(), z.enum(["true", "false"])], { error: "aboutStaff must be true or false" })
    .transform((value) => value === true || value === "true")
    .optional(),
  /** A user id, `me`, or `none` (unassigned). */
  assignee: z.string().trim().min(1, "assignee must be a user id, me or none").max(100).optional(),
  /** Only alerts first seen at least this many minutes ago (age of the alert). */
  olderThanMinutes: z.coerce
    .number({ error: "olderThanMinutes must be a number of minutes" })
    .int("olderThanMinutes must be a whole number")
    .min(1, "olderThanMinutes must be at least 1")
    .max(60 * 24 * 366, "olderThanMinutes must be at most a year")
    .optional(),
  sort: z.enum(["newest", "severity"], { error: "sort must be newest or severity" }).default("newest"),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(alertLimits.pageMax, `limit must be at most ${alertLimits.pageMax}`)
    .default(alertLimits.pageDefault),
  cursor: z.string().max(500, "cursor is too long: use the nextCursor of the previous page").optional(),
});
export type AlertQueueQuery = z.infer<typeof AlertQueueQuerySchema>;

export const AlertSummarySchema = z.object({
  id: z.string(),
  schoolId: z.string(),
  status: statusEnum,
  severity: z.number().int(),
  categories: z.array(z.string()),
  ruleIds: z.array(z.string()),
  user: z.string().nullable(),
  /** The pupil's age group from the directory when the alert was recorded; null if unknown. */
  ageGroup: ageGroupEnum.nullable(),
  /** True when the directory placed the user name as a member of staff when the alert was recorded. */
  aboutStaff: z.boolean(),
  device: z.string().nullable(),
  url: z.string().nullable(),
  count: z.number().int(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  assigneeId: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});
export type AlertSummary = z.infer<typeof AlertSummarySchema>;

export const AlertQueuePageSchema = z.object({
  alerts: z.array(AlertSummarySchema),
  nextCursor: z.string().nullable(),
});
export type AlertQueuePage = z.infer<typeof AlertQueuePageSchema>;

export const AlertHistoryEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  assigneeId: z.string().nullable(),
  note: z.string().nullable(),
});
export type AlertHistoryEntry = z.infer<typeof AlertHistoryEntrySchema>;

export const AlertDetailSchema = AlertSummarySchema.extend({
  /** The explanation in plain words, one sentence per line. */
  explanation: z.array(z.string()),
  matches: z.array(
    z.object({ ruleId: z.string(), category: z.string(), text: z.string(), weight: z.number() }),
  ),
  evidence: z
    .object({
      text: z.string(),
      /** UTF-16 offsets into `text` (end exclusive) of the matched words, for highlighting. */
      spans: z.array(z.object({ start: z.number().int(), end: z.number().int(), ruleId: z.string() })),
    })
    .nullable(),
  ip: z.string().nullable(),
  history: z.array(AlertHistoryEntrySchema),
  /** What the caller may do next: statuses it may move to, whether it may assign and suppress. */
  abilities: z.object({
    transitions: z.array(statusEnum),
    assign: z.boolean(),
    suppress: z.boolean(),
  }),
});
export type AlertDetail = z.infer<typeof AlertDetailSchema>;

export const AlertTriageSchema = z.object({
  status: statusEnum,
  note: note.optional(),
});
export type AlertTriage = z.infer<typeof AlertTriageSchema>;

export const AlertAssignSchema = z.object({
  /** A staff member of the school who may act on alerts; null to unassign. */
  assigneeId: z.uuid({ error: "assigneeId must be a user id (UUID) or null" }).nullable(),
  note: note.optional(),
});
export type AlertAssign = z.infer<typeof AlertAssignSchema>;

export const AlertNoteSchema = z.object({ note });
export type AlertNote = z.infer<typeof AlertNoteSchema>;

export const AlertBulkSchema = z.object({
  alertIds: z
    .array(z.uuid({ error: "each alert id must be a UUID" }), {
      error: "alertIds must be a list of alert ids",
    })
    .min(1, "alertIds must name at least one alert")
    .max(alertLimits.bulkMax, `alertIds may name at most ${alertLimits.bulkMax} alerts`),
  action: z.discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.literal("triage"), status: statusEnum, note: note.optional() }),
      z.object({
        kind: z.literal("assign"),
        assigneeId: z.uuid({ error: "assigneeId must be a user id (UUID) or null" }).nullable(),
      }),
    ],
    { error: "action.kind must be triage or assign" },
  ),
});
export type AlertBulk = z.infer<typeof AlertBulkSchema>;

export const BULK_OUTCOMES = ["done", "unchanged", "refused", "not-found"] as const;
export const AlertBulkResultSchema = z.object({
  results: z.array(
    z.object({ id: z.string(), outcome: z.enum(BULK_OUTCOMES), reason: z.string().nullable() }),
  ),
});
export type AlertBulkResult = z.infer<typeof AlertBulkResultSchema>;

export const SUPPRESSION_SCOPES = ["site", "user", "device", "school"] as const;
export type SuppressionScope = (typeof SUPPRESSION_SCOPES)[number];

const ruleId = z
  .string({ error: "ruleId is required" })
  .trim()
  .min(1, "ruleId is required")
  .max(200, "ruleId must be at most 200 characters");
const until = z.iso.datetime({ error: "until must be an ISO date-time, e.g. 2027-07-31T00:00:00Z" });
const reason = z
  .string({ error: "a reason is required" })
  .trim()
  .min(3, "reason: say why, in a few words")
  .max(alertLimits.reasonMaxLength);
const scope = z.enum(SUPPRESSION_SCOPES, { error: `scope must be one of ${SUPPRESSION_SCOPES.join(", ")}` });

/** A suppression stated in full: the rule, what it covers (`value` unless the whole school), until when. */
export const SuppressionCreateSchema = z
  .object({
    ruleId,
    scope,
    value: z.string().trim().min(1, "value must not be empty").max(300).optional(),
    until,
    reason,
  })
  .refine((input) => input.scope === "school" || input.value !== undefined, {
    message: "value is required: the site host, user or device the suppression covers",
    path: ["value"],
  })
  .transform((input) => ({
    ...input,
    value:
      input.scope === "school" ? null : input.scope === "site" ? input.value?.toLowerCase() : input.value,
  }));
export type SuppressionCreate = z.infer<typeof SuppressionCreateSchema>;

/** A suppression made from an alert: the site, user or device is taken from the alert. */
export const SuppressFromAlertSchema = z.object({
  /** Which of the alert's rules; omitted: every rule the alert fired. */
  ruleId: ruleId.optional(),
  scope,
  until,
  reason,
});
export type SuppressFromAlert = z.infer<typeof SuppressFromAlertSchema>;

export const SuppressionSchema = z.object({
  id: z.string(),
  schoolId: z.string(),
  ruleId: z.string(),
  scope,
  value: z.string().nullable(),
  until: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  suppressedCount: z.number().int(),
  lastSuppressedAt: z.string().nullable(),
  sourceAlertId: z.string().nullable(),
  inForce: z.boolean(),
});
export type Suppression = z.infer<typeof SuppressionSchema>;

export const SuppressionEndSchema = z.object({ reason });

export const RulePrecisionSchema = z.object({
  /** Precision = confirmed / (confirmed + false positives); confirmed = in review, no action, incident. */
  definition: z.string(),
  rules: z.array(
    z.object({
      ruleId: z.string(),
      confirmed: z.number().int(),
      falsePositives: z.number().int(),
      precision: z.number().nullable(),
    }),
  ),
  noisiest: z.array(
    z.object({ ruleId: z.string(), falsePositives: z.number().int(), precision: z.number() }),
  ),
});
export type RulePrecision = z.infer<typeof RulePrecisionSchema>;

export const WhatIfRequestSchema = z.object({
  change: z.discriminatedUnion(
    "kind",
    [
      z.object({
        kind: z.literal("suppression"),
        ruleId,
        scope,
        value: z.string().trim().min(1).max(300).optional(),
      }),
      z.object({
        kind: z.literal("threshold"),
        category: categoryEnum,
        threshold: z
          .number({ error: "threshold must be a number" })
          .int("threshold must be a whole number")
          .min(1, "threshold must be at least 1")
          .max(10_000, "threshold must be at most 10000"),
      }),
    ],
    { error: "change.kind must be suppression or threshold" },
  ),
  days: z.number().int().min(1).max(alertLimits.whatIfMaxDays).default(alertLimits.whatIfMaxDays),
});
export type WhatIfRequest = z.infer<typeof WhatIfRequestSchema>;

export const WhatIfResultSchema = z.object({
  eventsReplayed: z.number().int(),
  /** True when the replay stopped at its bound before reaching the oldest event. */
  truncated: z.boolean(),
  before: z.number().int(),
  after: z.number().int(),
  appear: z.object({ count: z.number().int(), sample: z.array(z.unknown()) }),
  disappear: z.object({ count: z.number().int(), sample: z.array(z.unknown()) }),
});
export type WhatIfResult = z.infer<typeof WhatIfResultSchema>;
