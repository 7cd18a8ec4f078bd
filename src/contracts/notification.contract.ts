/**
 * Notification contacts, routing and escalation policies, deliveries and escalation hops. A policy
 * may name categories, a minimum severity and age groups (from the pupil directory) it covers, and
 * may cover only alerts about a member of staff.
 */
import { z } from "zod";
import { CATEGORIES } from "../detection/index.js";
import { AGE_GROUPS } from "../directory/age-group.js";
import { limits } from "./limits.js";

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];
export const digestPeriods = ["daily", "weekly"] as const;
export const severities = ["1", "2", "3", "4", "5"] as const;

/** A policy's chain is at most this long; escalation past ten people helps no one. */
export const maxChainLength = 10;

const clockTime = z
  .string({ error: "a time is required, e.g. 08:00" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use a 24-hour time such as 08:00 or 17:30");

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const WorkingHoursSchema = z
  .object({
    days: z
      .array(z.enum(weekdays, { error: `each day must be one of ${weekdays.join(", ")}` }))
      .min(1, "name at least one working day"),
    start: clockTime,
    end: clockTime,
    timeZone: z
      .string({ error: "timeZone is required, e.g. Europe/London" })
      .refine(isTimeZone, "not a time zone Vigil knows; use a name such as Europe/London"),
  })
  .refine((hours) => hours.start < hours.end, { path: ["end"], message: "end must be after start" });
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

export const ContactInputSchema = z
  .object({
    name: z
      .string({ error: "name is required" })
      .trim()
      .min(1, "name is required")
      .max(limits.nameMaxLength, `name must be at most ${limits.nameMaxLength} characters`),
    email: z
      .email({ error: "email must be an email address such as dsl@school.example" })
      .max(limits.emailMaxLength)
      .nullish(),
    webhookUrl: z
      .url({ protocol: /^https?$/, error: "webhookUrl must be an http:// or https:// URL" })
      .nullish(),
    userId: z.uuid({ error: "userId must be a user's id (a UUID)" }).nullish(),
    workingHours: WorkingHoursSchema.nullish(),
    digests: z
      .array(z.enum(digestPeriods, { error: "each digest must be daily or weekly" }))
      .max(2)
      .default([]),
  })
  .refine((contact) => Boolean(contact.email ?? contact.webhookUrl), {
    path: ["email"],
    message: "give an email address or a webhook URL: a contact with no address cannot be told",
  });
export type ContactInput = z.infer<typeof ContactInputSchema>;

const minutes = z
  .number({ error: "a deadline is a whole number of minutes" })
  .int("a deadline is a whole number of minutes")
  .min(1, "a deadline must be at least 1 minute")
  .max(7 * 24 * 60, "a deadline must be at most 7 days (10080 minutes)");

/** Acknowledgement deadlines (minutes) by severity, used when a policy does not say. */
export const defaultDeadlines = { "1": 1_440, "2": 480, "3": 120, "4": 30, "5": 15 } as const;

export const PolicyInputSchema = z.object({
  name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(limits.nameMaxLength),
  categories: z
    .array(z.enum(CATEGORIES, { error: `each category must be one of ${CATEGORIES.join(", ")}` }))
    .max(CATEGORIES.length)
    .default([]),
  /** Empty: every alert. Otherwise only alerts of pupils in these age groups (never unknown ones). */
  ageGroups: z
    .array(z.enum(AGE_GROUPS, { error: `each age group must be one of ${AGE_GROUPS.join(", ")}` }), {
      error: "ageGroups must be a list of age groups",
    })
    .max(AGE_GROUPS.length)
    .default([])
    .transform((groups) => [...new Set(groups)]),
  /** True: only alerts about a member of staff (a user name the directory holds for staff). */
  aboutStaff: z.boolean({ error: "aboutStaff must be true or false" }).default(false),
  minSeverity: z
    .number({ error: "minSeverity must be a number from 1 to 5" })
    .int()
    .min(1, "minSeverity must be from 1 to 5")
    .max(5, "minSeverity must be from 1 to 5"),
  atOnce: z.boolean({ error: "atOnce must be true or false" }).default(false),
  chain: z
    .array(z.uuid({ error: "each contact in the chain must be a contact id (a UUID)" }), {
      error: "chain must be a list of contact ids",
    })
    .min(1, "the chain needs at least one contact")
    .max(maxChainLength, `the chain may name at most ${maxChainLength} contacts`)
    .superRefine((chain, check) => {
      chain.forEach((id, index) => {
        if (chain.indexOf(id) !== index) {
          check.addIssue({
            code: "custom",
            path: [index],
            message: `contact ${id} is in the chain twice: a loop would tell them again`,
          });
        }
      });
    }),
  deadlines: z
    .object({ "1": minutes, "2": minutes, "3": minutes, "4": minutes, "5": minutes })
    .partial()
    .default({})
    .transform((given) => ({ ...defaultDeadlines, ...given })),
  enabled: z.boolean().default(true),
});
export type PolicyInput = z.infer<typeof PolicyInputSchema>;

export const ContactViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  hasWebhookSecret: z.boolean(),
  userId: z.string().nullable(),
  workingHours: WorkingHoursSchema.nullable(),
  digests: z.array(z.enum(digestPeriods)),
  updatedAt: z.string(),
});
export type ContactView = z.infer<typeof ContactViewSchema>;

export const PolicyViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  categories: z.array(z.string()),
  ageGroups: z.array(z.string()),
  aboutStaff: z.boolean(),
  minSeverity: z.number(),
  atOnce: z.boolean(),
  chain: z.array(z.string()),
  deadlines: z.record(z.string(), z.number()),
  enabled: z.boolean(),
  updatedAt: z.string(),
});
export type PolicyView = z.infer<typeof PolicyViewSchema>;

export const DeliveryViewSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  channel: z.enum(["email", "webhook"]),
  kind: z.enum(["alert", "digest"]),
  alertId: z.string().nullable(),
  status: z.enum(["pending", "retrying", "sent", "grouped", "failed"]),
  attempts: z.number(),
  lastError: z.string().nullable(),
  groupedCount: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof DeliveryViewSchema>;

export const HopViewSchema = z.object({
  step: z.number(),
  policyId: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  outcome: z.enum(["notified", "skipped"]),
  reason: z.string(),
  at: z.string(),
  deadlineAt: z.string().nullable(),
});
export type HopView = z.infer<typeof HopViewSchema>;
