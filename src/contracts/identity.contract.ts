/** Signing in, the second factor, and a person's own account and sessions. */
import { z } from "zod";
import { limits, passwordMaxLength } from "./limits.js";

export const identityLimits = {
  codeMaxLength: 32,
  tokenNameMaxLength: 100,
  userAgentMaxLength: 300,
} as const;

export const emailSchema = (what: string) =>
  z
    .email({ error: `${what} must be a valid email address` })
    .max(limits.emailMaxLength, `${what} must be at most ${limits.emailMaxLength} characters`)
    .transform((email) => email.toLowerCase());

export const SignInRequestSchema = z.object({
  email: emailSchema("The email address"),
  // No policy here: a sign-in compares, it does not judge. The limit stops hashing megabytes.
  password: z
    .string({ error: "The password is required" })
    .min(1, "The password is required")
    .max(passwordMaxLength, `The password must be at most ${passwordMaxLength} characters`),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

export const SecondFactorCodeSchema = z.object({
  code: z
    .string({ error: "The code is required" })
    .trim()
    .min(1, "The code is required")
    .max(identityLimits.codeMaxLength, `The code must be at most ${identityLimits.codeMaxLength} characters`),
});
export type SecondFactorCode = z.infer<typeof SecondFactorCodeSchema>;

export const secondFactorStates = ["verified", "not-enrolled", "enrol-required", "verify-required"] as const;

export const SessionResponseSchema = z.object({
  userId: z.string(),
  csrfToken: z.string(),
  expiresAt: z.string(),
  secondFactor: z.enum(secondFactorStates),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const MeResponseSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  secondFactor: z.enum(secondFactorStates),
  csrfToken: z.string(),
  schools: z.array(
    z.object({
      schoolId: z.string(),
      name: z.string(),
      roles: z.array(z.string()),
      abilities: z.array(z.string()),
    }),
  ),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const SessionIdParamsSchema = z.object({
  sessionId: z.uuid({ error: "The session id must be a UUID" }),
});
