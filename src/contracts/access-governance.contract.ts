/**
 * Access beyond a role (a request decided by the SIRO, which expires) and the termly access review.
 */
import { z } from "zod";
import { requestableActions, maxGrantDays } from "../governance/requestable-actions.js";

const uuid = (what: string) => z.uuid({ error: `${what} must be a UUID` });
const dateTime = (what: string) =>
  z.iso.datetime({ offset: true, error: `${what} must be a date and time, e.g. 2026-12-18T16:00:00Z` });
const reason = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(10, `${what} must say why, in at least 10 characters`)
    .max(1_000, `${what} must be at most 1,000 characters`);

export const SchoolParamsSchema = z.object({ schoolId: uuid("The school id") });
export const AccessRequestParamsSchema = z.object({ requestId: uuid("The request id") });

export const AccessRequestSchema = z.object({
  action: z.enum(requestableActions, {
    error: `The access asked for must be one of ${requestableActions.join(", ")}`,
  }),
  subject: z.string().trim().min(1).max(200, "The subject must be at most 200 characters").optional(),
  reason: reason("The reason"),
  until: dateTime("Until"),
});
export type AccessRequestInput = z.infer<typeof AccessRequestSchema>;

export const AccessDecisionSchema = z.object({
  decision: z.enum(["approve", "refuse"], { error: "The decision must be approve or refuse" }),
  reason: reason("The reason for the decision"),
  /** Approve for less time than asked (never more). */
  until: dateTime("Until").optional(),
});
export type AccessDecisionInput = z.infer<typeof AccessDecisionSchema>;

export const AccessRequestListQuerySchema = z.object({
  status: z
    .enum(["pending", "approved", "refused", "withdrawn"], {
      error: "The status must be pending, approved, refused or withdrawn",
    })
    .optional(),
});

export const AccessReviewSignOffSchema = z.object({
  /** The hash of the report the reviewer read, so a sign-off is for exactly what they saw. */
  reportSha256: z.string().regex(/^[0-9a-f]{64}$/, "reportSha256 must be the report's SHA-256 in hex"),
  note: z.string().trim().max(2_000, "The note must be at most 2,000 characters").optional(),
});

export { maxGrantDays };

/** Why a person needs a look in the access review. */
export type ReviewFlag =
  | "never-signed-in"
  | "not-signed-in-this-term"
  | "disabled-but-holds-roles"
  | "expired-but-holds-roles"
  | "access-beyond-role"
  | "restricted-without-two-factor";

/** One person in the access review: roles, what they can see, and what needs a look. */
export interface ReviewedPerson {
  userId: string;
  name: string;
  email: string;
  roles: string[];
  /** What the roles and grants allow here; the restricted ones are the pupil data they can reach. */
  abilities: string[];
  restricted: string[];
  grants: { action: string; until: string }[];
  lastSignInAt: string | null;
  expiresAt: string | null;
  disabled: boolean;
  twoFactor: boolean;
  flags: ReviewFlag[];
}

/** The termly access review of one school (GET .../access-review answers it with its SHA-256). */
export interface AccessReviewReport {
  schoolId: string;
  schoolName: string;
  generatedAt: string;
  termDays: number;
  people: ReviewedPerson[];
  /** People per flag, for the summary line. */
  flagged: Partial<Record<ReviewFlag, number>>;
  lastSignOff: { signedAt: string; reviewer: string } | null;
  /** True when nobody has signed a review off within a term. */
  due: boolean;
}
