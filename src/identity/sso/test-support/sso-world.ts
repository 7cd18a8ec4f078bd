/**
 * A world for single sign-on tests: Vigil listening on loopback, a real OpenID provider beside it,
 * a school with an administrator, and two providers added through the API (one trusting the
 * provider's MFA). `signInThroughProvider` plays the person: start, log in, consent, come back.
 */
import { createServer as createNetServer } from "node:net";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import type { VigilDatabase } from "../../../db/open-database.js";
import { buildSchool } from "../../../test-support/builders.js";
import { buildUser, signInAs } from "../../test-support/identity-builders.js";
import { startTestServer } from "../../test-support/test-server.js";
import type { BrowserLikeClient } from "./browser-like-client.js";
import { type Page } from "./browser-like-client.js";
import { startTestOidcProvider, type TestAccount, type TestOidcProvider } from "./test-oidc-provider.js";

export interface SsoWorld {
  app: FastifyInstance;
  baseUrl: string;
  idp: TestOidcProvider;
  schoolId: string;
  otherSchoolId: string;
  providerId: string;
  mfaTrustingProviderId: string;
  /** A provider of kind `google` served by the test provider (to see what Google is sent). */
  googleKindProviderId: string;
  close(): Promise<void>;
}

/** Starts Vigil and the provider and adds the providers as the school's administrator would. */
export async function buildSsoWorld(
  database: VigilDatabase,
  accounts: Record<string, TestAccount>,
): Promise<SsoWorld> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = await startTestServer(database, { publicUrl: baseUrl });
  await app.listen({ port, host: "127.0.0.1" });
  const idp = await startTestOidcProvider(accounts);
  const { schoolId, organisationId } = await buildSchool(database);
  const other = await buildSchool(database, { organisationId });
  const admin = await signInAs(app, (await buildUser(database, { schoolId, role: "administrator" })).email);
  const add = async (trustProviderMfa: boolean, kind = "oidc") => {
    const response = await admin.request({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/identity-providers`,
      payload: {
        kind,
        label: "Oak login",
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        allowedDomains: ["oak.example"],
        trustProviderMfa,
      },
    });
    if (response.statusCode !== 201) throw new Error(`provider refused: ${response.body}`);
    return response.json<{ id: string; redirectUri: string }>();
  };
  const plain = await add(false);
  const trusting = await add(true);
  const googleKind = await add(false, "google");
  idp.configure([plain.redirectUri, trusting.redirectUri, googleKind.redirectUri]);
  return {
    app,
    baseUrl,
    idp,
    schoolId,
    otherSchoolId: other.schoolId,
    providerId: plain.id,
    mfaTrustingProviderId: trusting.id,
    googleKindProviderId: googleKind.id,
    close: async () => {
      await app.close();
      await idp.close();
    },
  };
}

/**
 * Starts a sign-in with `providerId` and logs in at the provider as `login`, submitting its login
 * and consent forms; returns the page the browser ends on (or, with `stopBefore`, the redirect
 * back to Vigil, unfollowed).
 */
export async function signInThroughProvider(
  world: SsoWorld,
  client: BrowserLikeClient,
  login: string,
  options: { providerId?: string; stopBefore?: string; beforeLogin?: () => Promise<void> } = {},
): Promise<Page> {
  const start = `${world.baseUrl}/api/v1/auth/sso/${options.providerId ?? world.providerId}/start`;
  let page = await client.open(start);
  const visited = [...page.visited];
  await options.beforeLogin?.();
  for (let step = 0; step < 4 && page.url.startsWith(world.idp.issuer) && page.status !== 0; step += 1) {
    const fields: Record<string, string> = page.body.includes('name="login"')
      ? { login, password: "any password" }
      : {};
    page = await client.submitForm(page, fields, options.stopBefore);
    visited.push(...page.visited);
  }
  return { ...page, visited };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });
}
