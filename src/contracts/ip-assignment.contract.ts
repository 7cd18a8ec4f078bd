/**
 * Who held an IP address and when: a DHCP lease, a logon event, a row of an imported CSV. Events
 * that carry only an address are attributed to the device and user that held it at the time.
 */
import { z } from "zod";
import { eventLimits } from "./event.contract.js";

export const ipAssignmentSources = ["dhcp", "logon", "csv", "api"] as const;

/** At most this many assignments are recorded in one call (one CSV, one API request). */
export const ipAssignmentMaxRows = 100_000;

const isoTime = (what: string) =>
  z.iso
    .datetime({ offset: true, error: `${what} must be an ISO 8601 date-time, e.g. 2025-03-05T08:00:00Z` })
    .transform((time) => new Date(time).toISOString());

const subject = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(eventLimits.subjectMaxLength, `${what} must be at most ${eventLimits.subjectMaxLength} characters`)
    .optional();

export const IpAssignmentSchema = z
  .object({
    ip: z
      .union([z.ipv4(), z.ipv6()], { error: "ip must be an IPv4 or IPv6 address" })
      .transform((ip) => ip.toLowerCase()),
    device: subject("device"),
    user: subject("user"),
    startsAt: isoTime("startsAt"),
    endsAt: isoTime("endsAt").optional(),
    source: z
      .enum(ipAssignmentSources, { error: `source must be one of ${ipAssignmentSources.join(", ")}` })
      .default("api"),
  })
  .superRefine((row, context) => {
    if (row.device === undefined && row.user === undefined) {
      context.addIssue({
        code: "custom",
        path: ["user"],
        message: "an assignment needs a device, a user, or both",
      });
    }
    if (row.endsAt !== undefined && row.endsAt <= row.startsAt) {
      context.addIssue({ code: "custom", path: ["endsAt"], message: "endsAt must be after startsAt" });
    }
  });

export type IpAssignmentInput = z.input<typeof IpAssignmentSchema>;
export type IpAssignment = z.infer<typeof IpAssignmentSchema>;
