/** Monitoring holds: listing them, and releasing one (with the reason the audit log keeps). */
import { z } from "zod";

/** A release reason's length bounds, shared by the server, the console's form and the CLI. */
export const holdReleaseReasonMinLength = 3;
export const holdReleaseReasonMaxLength = 500;

export const MonitoringHoldReleaseSchema = z.object({
  reason: z
    .string({ error: "reason is required: say why the hold can end" })
    .trim()
    .min(holdReleaseReasonMinLength, "reason is required: say why the hold can end, in a few words")
    .max(holdReleaseReasonMaxLength, `reason must be at most ${holdReleaseReasonMaxLength} characters`),
});
export type MonitoringHoldRelease = z.infer<typeof MonitoringHoldReleaseSchema>;

export const MonitoringHoldListQuerySchema = z.object({
  /** `released` lists released holds as well as those in force. */
  include: z.enum(["released"], { error: "include may only be released" }).optional(),
  /** Only the holds one incident placed (its page). */
  incidentId: z.uuid({ error: "incidentId must be an incident's id" }).optional(),
});
export type MonitoringHoldListQuery = z.infer<typeof MonitoringHoldListQuerySchema>;
