/** First-run setup: name the organisation and school, create the first administrator. */
import { z } from "zod";
import { passwordProblem } from "../identity/password-policy.js";
import { limits } from "./limits.js";

export const organisationKinds = ["trust", "local-authority", "consortium", "standalone"] as const;

const name = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(limits.nameMaxLength, `${what} must be at most ${limits.nameMaxLength} characters`);

export const SetupRequestSchema = z.object({
  organisation: z.object({
    name: name("The organisation's name"),
    kind: z.enum(organisationKinds, {
      error: `The organisation's kind must be one of ${organisationKinds.join(", ")}`,
    }),
  }),
  school: z.object({ name: name("The school's name") }),
  admin: z.object({
    name: name("The administrator's name"),
    email: z
      .email({ error: "The administrator's email must be a valid email address" })
      .max(limits.emailMaxLength)
      .transform((email) => email.toLowerCase()),
    // The same policy as every other account: length, and not a common or guessable password.
    password: z.string({ error: "A password is required" }).superRefine((password, ctx) => {
      const problem = passwordProblem(password);
      if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
    }),
  }),
});

export type SetupRequest = z.infer<typeof SetupRequestSchema>;

export const SetupSubmissionSchema = SetupRequestSchema.extend({
  token: z.string({ error: "The setup token is required" }).min(1, "The setup token is required"),
});

export type SetupSubmission = z.infer<typeof SetupSubmissionSchema>;
