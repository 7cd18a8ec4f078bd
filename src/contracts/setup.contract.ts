/** First-run setup: name the organisation and school, create the first administrator. */
import { z } from "zod";
import { passwordMaxLength, passwordMinLength } from "../identity/password.js";
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
    password: z
      .string({ error: "A password is required" })
      .min(passwordMinLength, `The password must be at least ${passwordMinLength} characters`)
      .max(passwordMaxLength, `The password must be at most ${passwordMaxLength} characters`),
  }),
});

export type SetupRequest = z.infer<typeof SetupRequestSchema>;

export const SetupSubmissionSchema = SetupRequestSchema.extend({
  token: z.string({ error: "The setup token is required" }).min(1, "The setup token is required"),
});

export type SetupSubmission = z.infer<typeof SetupSubmissionSchema>;
