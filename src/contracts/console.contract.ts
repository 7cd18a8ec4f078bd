/**
 * The console's everyday reads: the dashboard, the activity explorer (and its CSV), search, and a
 * pupil's or device's page. Imported by the server routes and, type-only or for form checks, by
 * the console (so this file must stay free of server-only imports).
 */
import { z } from "zod";
import { eventKinds } from "./event.contract.js";

export const consoleLimits = {
  activityPageDefault: 50,
  activityPageMax: 200,
  searchMinLength: 2,
  searchMaxLength: 200,
  searchResultsPerKind: 10,
  subjectMaxLength: 200,
  trendDays: 30,
} as const;

export const SchoolParamsSchema = z.object({ schoolId: z.uuid({ error: "The school id must be a UUID" }) });

const optionalFilter = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(
      consoleLimits.subjectMaxLength,
      `${what} must be at most ${consoleLimits.subjectMaxLength} characters`,
    )
    .optional()
    .transform((value) => (value ? value : undefined));

const isoTime = (what: string) =>
  z.iso
    .datetime({ offset: true, error: `${what} must be an ISO 8601 date-time, e.g. 2026-03-05T08:00:00Z` })
    .optional()
    .transform((value) => (value ? new Date(value).toISOString() : undefined));

/** The activity explorer's filters, shared by the page and the CSV export. */
export const ActivityFilterSchema = z
  .object({
    pupil: optionalFilter("The pupil"),
    device: optionalFilter("The device"),
    category: optionalFilter("The category"),
    kind: z.enum(eventKinds, { error: `The kind must be one of ${eventKinds.join(", ")}` }).optional(),
    from: isoTime("The start time"),
    to: isoTime("The end time"),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    path: ["to"],
    message: "The end time must be after the start time",
  });
export type ActivityFilter = z.infer<typeof ActivityFilterSchema>;

export const ActivityQuerySchema = z.intersection(
  ActivityFilterSchema,
  z.object({
    cursor: z
      .string()
      .max(400, "The cursor is not one Vigil gave out: start again from the first page")
      .optional(),
    limit: z.coerce
      .number({ error: "The limit must be a number" })
      .int("The limit must be a whole number")
      .min(1, "The limit must be at least 1")
      .max(consoleLimits.activityPageMax, `The limit must be at most ${consoleLimits.activityPageMax}`)
      .default(consoleLimits.activityPageDefault),
  }),
);
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>;

export const ActivityItemSchema = z.object({
  id: z.string(),
  time: z.string(),
  kind: z.string(),
  pupil: z.string().nullable(),
  device: z.string().nullable(),
  url: z.string().nullable(),
  host: z.string().nullable(),
  text: z.string().nullable(),
  action: z.string().nullable(),
  category: z.string().nullable(),
  source: z.string(),
});
export type ActivityItem = z.infer<typeof ActivityItemSchema>;

export const ActivityPageSchema = z.object({
  items: z.array(ActivityItemSchema),
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ActivityPage = z.infer<typeof ActivityPageSchema>;

export const SearchQuerySchema = z.object({
  q: z
    .string({ error: "Type something to search for" })
    .trim()
    .min(consoleLimits.searchMinLength, `Type at least ${consoleLimits.searchMinLength} characters to search`)
    .max(
      consoleLimits.searchMaxLength,
      `The search must be at most ${consoleLimits.searchMaxLength} characters`,
    ),
});

const namedHit = z.object({ name: z.string(), lastSeen: z.string() });

export const SearchResponseSchema = z.object({
  query: z.string(),
  /** Null when the person may not see that kind of result in this school. */
  pupils: z.array(namedHit).nullable(),
  devices: z.array(namedHit).nullable(),
  sites: z.array(namedHit).nullable(),
  alerts: z
    .array(
      z.object({
        id: z.string(),
        severity: z.number(),
        status: z.string(),
        categories: z.array(z.string()),
        pupil: z.string().nullable(),
        lastSeen: z.string(),
      }),
    )
    .nullable(),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const DashboardResponseSchema = z.object({
  schoolId: z.string(),
  generatedAt: z.string(),
  /** Null when the person may not see alerts in this school. */
  alerts: z
    .object({
      todaySince: z.string(),
      today: z.object({
        total: z.number(),
        bySeverity: z.array(z.object({ severity: z.number(), count: z.number() })),
        byCategory: z.array(z.object({ category: z.string(), count: z.number() })),
      }),
      queue: z.object({
        waiting: z.number(),
        oldest: z.array(
          z.object({
            id: z.string(),
            severity: z.number(),
            categories: z.array(z.string()),
            firstSeen: z.string(),
          }),
        ),
      }),
      trend: z.array(z.object({ day: z.string(), count: z.number() })),
    })
    .nullable(),
  sources: z.object({
    quietAfterMinutes: z.number(),
    items: z.array(z.object({ source: z.string(), lastReceivedAt: z.string(), quiet: z.boolean() })),
  }),
  /** Open incidents, overdue actions and referral follow-ups due; null for those who may not see incidents. */
  incidents: z.object({ open: z.number(), overdueActions: z.number(), followUpsDue: z.number() }).nullable(),
});
export type DashboardResponse = z.infer<typeof DashboardResponseSchema>;

export const SubjectParamsSchema = z.object({
  schoolId: z.uuid({ error: "The school id must be a UUID" }),
  name: z
    .string()
    .min(1, "The name is required")
    .max(
      consoleLimits.subjectMaxLength,
      `The name must be at most ${consoleLimits.subjectMaxLength} characters`,
    ),
});

export const SubjectSummarySchema = z.object({
  name: z.string(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  /** Devices the pupil used, or pupils seen on the device (most recent first); null without browsing.read. */
  related: z.array(namedHit).nullable(),
  alerts: SearchResponseSchema.shape.alerts,
});
export type SubjectSummary = z.infer<typeof SubjectSummarySchema>;

/** GET /api/v1/me/notifications?schoolId=: what needs the signed-in person now in one school. */
export const NotificationsQuerySchema = z.object({
  schoolId: z.uuid({ error: "The schoolId must be a UUID: pass the school the console has open" }),
});

/**
 * Kinds of thing that can need a person, each shown only to those whose abilities let them deal
 * with it. Counts only, and assigned alerts by id, severity and category: never a pupil's name.
 */
export const notificationKinds = [
  "alerts-assigned",
  "alerts-severe-waiting",
  "incident-tasks-overdue",
  "referral-follow-ups-due",
  "access-requests-waiting",
  "access-review-due",
  "sources-quiet",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const NotificationsResponseSchema = z.object({
  schoolId: z.string(),
  generatedAt: z.string(),
  /** Sum of the items' counts: the number on the bell. */
  total: z.number(),
  /** Only kinds with something waiting, in the order of `notificationKinds`. */
  items: z.array(z.object({ kind: z.enum(notificationKinds), count: z.number() })),
  /** A few of the open alerts assigned to the person, most severe first (empty without alerts.read). */
  assignedAlerts: z.array(
    z.object({ id: z.string(), severity: z.number(), categories: z.array(z.string()) }),
  ),
});
export type NotificationsResponse = z.infer<typeof NotificationsResponseSchema>;
