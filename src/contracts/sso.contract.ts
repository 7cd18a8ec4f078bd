/**
 * Single sign-on with OpenID Connect: a school's identity providers (Google Workspace, Microsoft
 * Entra ID, any OpenID provider), the public list the sign-in page asks for, and the refusals the
 * callback sends the browser back to the sign-in page with (`/sign-in?error=<id>`).
 */
import { z } from "zod";
import { emailSchema } from "./identity.contract.js";
import { limits } from "./limits.js";

const uuid = (what: string) => z.uuid({ error: `${what} must be a UUID` });

export const identityProviderKinds = ["google", "microsoft", "oidc"] as const;
export type IdentityProviderKind = (typeof identityProviderKinds)[number];

/** Google's issuer is the same for every Workspace; Entra ID's names the tenant, so it must be given. */
export const googleIssuer = "https://accounts.google.com";

export const ssoLimits = {
  clientIdMaxLength: 300,
  clientSecretMaxLength: 500,
  issuerMaxLength: 500,
  allowedDomainsMax: 20,
} as const;

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** An issuer URL: https, or http only on this machine (a test or development provider). */
export const issuerSchema = z
  .url({ error: "The issuer must be a URL such as https://accounts.google.com" })
  .max(ssoLimits.issuerMaxLength, `The issuer must be at most ${ssoLimits.issuerMaxLength} characters`)
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && loopbackHosts.has(url.hostname));
  }, "The issuer must use https:// (plain http:// is accepted only for localhost)")
  .transform((value) => value.replace(/\/+$/, ""));

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "Each allowed domain must be a domain name such as oakschool.org.uk",
  );

export const CreateIdentityProviderRequestSchema = z
  .object({
    kind: z.enum(identityProviderKinds, {
      error: `The kind must be one of ${identityProviderKinds.join(", ")}`,
    }),
    label: z
      .string()
      .trim()
      .min(1, "The label must not be empty")
      .max(limits.nameMaxLength, `The label must be at most ${limits.nameMaxLength} characters`)
      .optional(),
    issuer: issuerSchema.optional(),
    clientId: z
      .string({ error: "The client id is required" })
      .trim()
      .min(1, "The client id is required")
      .max(
        ssoLimits.clientIdMaxLength,
        `The client id must be at most ${ssoLimits.clientIdMaxLength} characters`,
      ),
    clientSecret: z
      .string({ error: "The client secret is required" })
      .trim()
      .min(1, "The client secret is required")
      .max(
        ssoLimits.clientSecretMaxLength,
        `The client secret must be at most ${ssoLimits.clientSecretMaxLength} characters`,
      ),
    allowedDomains: z
      .array(domainSchema, { error: "The allowed domains must be a list of domain names" })
      .min(1, "Name at least one allowed email domain, such as oakschool.org.uk")
      .max(ssoLimits.allowedDomainsMax, `At most ${ssoLimits.allowedDomainsMax} allowed domains`),
    trustProviderMfa: z.boolean({ error: "trustProviderMfa must be true or false" }).default(false),
  })
  .transform((value, context) => {
    const issuer = value.issuer ?? (value.kind === "google" ? googleIssuer : undefined);
    if (issuer === undefined) {
      context.addIssue({
        code: "custom",
        path: ["issuer"],
        message:
          value.kind === "microsoft"
            ? "The issuer is required: https://login.microsoftonline.com/<your tenant id>/v2.0"
            : "The issuer is required: the provider's URL before /.well-known/openid-configuration",
      });
      return z.NEVER;
    }
    const label = value.label ?? defaultLabels[value.kind];
    return { ...value, issuer, label, allowedDomains: [...new Set(value.allowedDomains)] };
  });
export type CreateIdentityProviderRequest = z.output<typeof CreateIdentityProviderRequestSchema>;

const defaultLabels: Record<IdentityProviderKind, string> = {
  google: "Google",
  microsoft: "Microsoft",
  oidc: "single sign-on",
};

export const SchoolIdParamsSchema = z.object({ schoolId: uuid("The school id") });
export const IdentityProviderParamsSchema = z.object({
  schoolId: uuid("The school id"),
  providerId: uuid("The identity provider id"),
});
export const SsoProviderParamsSchema = z.object({ providerId: z.string().max(100) });

/** A provider as administrators see it: never the secret. */
export const IdentityProviderSchema = z.object({
  id: z.string(),
  schoolId: z.string(),
  kind: z.enum(identityProviderKinds),
  label: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  allowedDomains: z.array(z.string()),
  trustProviderMfa: z.boolean(),
  /** The address to register with the provider as the redirect (reply) URI. */
  redirectUri: z.string(),
  createdAt: z.string(),
});
export type IdentityProvider = z.infer<typeof IdentityProviderSchema>;

export const SsoProvidersQuerySchema = z.object({ email: emailSchema("The email address") });

/** What the sign-in page needs to offer "Sign in with <label>" for an address. */
export const SsoProviderChoiceSchema = z.object({
  id: z.string(),
  kind: z.enum(identityProviderKinds),
  label: z.string(),
  /** Navigate the browser here (a full page load, not fetch): it redirects to the provider. */
  startUrl: z.string(),
});
export const SsoProvidersResponseSchema = z.object({ providers: z.array(SsoProviderChoiceSchema) });
export type SsoProvidersResponse = z.infer<typeof SsoProvidersResponseSchema>;

/** Why a single sign-on did not sign the person in; the sign-in page shows the message. */
export const ssoRefusals = {
  "sso-unknown-provider":
    "That single sign-on provider is not set up in Vigil. Sign in with your password, or ask your administrator.",
  "sso-state-mismatch":
    "The sign-in could not be matched to one started in this browser. Start again from the sign-in page.",
  "sso-flow-expired": "The sign-in took too long. Start again from the sign-in page.",
  "sso-provider-error":
    "The sign-in provider did not complete the sign-in. Try again; if it keeps failing, ask your administrator to check the provider's settings.",
  "sso-email-unverified":
    "Your provider has not verified your email address, so Vigil cannot use it. Verify it with your provider or sign in with your password.",
  "sso-domain-not-allowed":
    "Your email address's domain is not allowed to sign in with this provider. Ask your administrator.",
  "sso-no-account":
    "There is no Vigil account for your email address at this school. Ask your administrator to create one: Vigil never creates accounts from a sign-in.",
  "sso-account-disabled": "Your Vigil account is disabled. Ask your administrator.",
  "sso-account-locked":
    "Your Vigil account is locked after failed sign-ins. Wait, or ask your administrator to unlock it.",
} as const;
export type SsoRefusal = keyof typeof ssoRefusals;
