/** A valid request for each identity provider route, for the route matrix (src/platform/authz/route-matrix.test.ts). */
import { randomBytes } from "node:crypto";
import type { InjectOptions } from "fastify";
import type { VigilDatabase } from "../../../db/open-database.js";
import { inTransaction } from "../../../platform/context/write-context.js";
import { testActor } from "../../../test-support/builders.js";
import { addIdentityProvider } from "../add-identity-provider.js";

type Sample = (database: VigilDatabase, schoolId: string) => Promise<InjectOptions>;

const provider = {
  kind: "google" as const,
  label: "Google",
  issuer: "https://accounts.google.com",
  clientId: "123.apps.googleusercontent.com",
  clientSecret: "secret",
  allowedDomains: ["school.example"],
  trustProviderMfa: false,
};

export const ssoRouteSamples: Record<string, Sample> = {
  "GET /api/v1/schools/:schoolId/identity-providers": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/identity-providers` }),
  "POST /api/v1/schools/:schoolId/identity-providers": (_db, schoolId) =>
    Promise.resolve({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/identity-providers`,
      payload: {
        kind: "google",
        clientId: provider.clientId,
        clientSecret: "s",
        allowedDomains: ["school.example"],
      },
    }),
  "DELETE /api/v1/schools/:schoolId/identity-providers/:providerId": async (db, schoolId) => {
    // Sealed under a throw-away key: removing a provider never opens its secret.
    const id = await inTransaction(db, { actor: testActor, ip: null }, (ctx) =>
      addIdentityProvider(ctx, { ...provider, schoolId }, randomBytes(32)),
    );
    return { method: "DELETE", url: `/api/v1/schools/${schoolId}/identity-providers/${id}` };
  },
};
