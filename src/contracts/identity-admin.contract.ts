/** Managing staff accounts, their roles, and API tokens (administrators and the CLI). */
import { z } from "zod";
import { passwordProblem } from "../identity/password-policy.js";
import { roles } from "../identity/roles.js";
import { tokenScopes } from "../platform/authz/policy-table.js";
import { emailSchema, identityLimits } from "./identity.contract.js";
import { limits } from "./limits.js";

const uuid = (what: string) => z.uuid({ error: `${what} must be a UUID` });
export const RoleSchema = z.enum(roles, { error: `The role must be one of ${roles.join(", ")}` });

export const CreateUserRequestSchema = z
  .object({
    email: emailSchema("The email address"),
    name: z
      .string({ error: "The name is required" })
      .trim()
      .min(1, "The name is required")
      .max(limits.nameMaxLength, `The name must be at most ${limits.nameMaxLength} characters`),
    password: z.string({ error: "A password is required" }).superRefine((password, context) => {
      const problem = passwordProblem(password);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
    schoolId: uuid("The school id"),
    role: RoleSchema,
  })
  // Runs once every field is valid: the email is needed to refuse a password made from it.
  .superRefine((value, context) => {
    const problem = passwordProblem(value.password, { email: value.email });
    if (problem) context.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UserIdParamsSchema = z.object({ userId: uuid("The user id") });

/** When a guest or supply account ends by itself; `null` for never. */
export const AccountExpiryRequestSchema = z.object({
  expiresAt: z.iso
    .datetime({ offset: true, error: "The expiry must be a date and time, e.g. 2026-12-18T16:00:00Z" })
    .nullable(),
});
export type AccountExpiryRequest = z.infer<typeof AccountExpiryRequestSchema>;

export const RoleParamsSchema = z.object({
  userId: uuid("The user id"),
  schoolId: uuid("The school id"),
  role: RoleSchema,
});

export const SchoolQuerySchema = z.object({ schoolId: uuid("The school id") });

export const CreateApiTokenRequestSchema = z.object({
  schoolId: uuid("The school id"),
  name: z
    .string({ error: "The token's name is required" })
    .trim()
    .min(1, "The token's name is required")
    .max(
      identityLimits.tokenNameMaxLength,
      `The token's name must be at most ${identityLimits.tokenNameMaxLength} characters`,
    ),
  scopes: z
    .array(z.enum(tokenScopes, { error: `Each scope must be one of ${tokenScopes.join(", ")}` }))
    .min(1, "At least one scope is required"),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequestSchema>;

export const ApiTokenIdParamsSchema = z.object({ tokenId: uuid("The token id") });
