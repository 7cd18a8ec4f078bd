/**
 * A real OpenID provider (oidc-provider 8, the line that supports Node 20) on loopback, for the
 * single sign-on tests. Its development login page accepts any login name: the name is the
 * account, looked up in `accounts` (unknown names get an account with no email). Logins of an
 * account with `amr` are finished here so the ID token carries that `amr`.
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestAccount {
  email: string;
  emailVerified: boolean;
  amr?: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the client with these redirect URIs (call before the first sign-in). */
  configure(redirectUris: string[]): void;
  close(): Promise<void>;
}

/** Starts the provider on 127.0.0.1 with one confidential client. */
export async function startTestOidcProvider(
  accounts: Record<string, TestAccount>,
): Promise<TestOidcProvider> {
  let provider: Provider | undefined;
  const server: Server = createServer((request, response) => {
    if (!provider) {
      response.writeHead(503).end("not configured");
      return;
    }
    if (isInteractionSubmission(request)) {
      submitInteraction(provider, request, response, accounts).catch(() => response.writeHead(500).end());
      return;
    }
    provider.callback()(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "vigil-test";
  const clientSecret = "a-test-client-secret-that-is-long-enough-for-hs256";
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "test" };

  return {
    issuer,
    clientId,
    clientSecret,
    configure(redirectUris) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: redirectUris,
            token_endpoint_auth_method: "client_secret_post",
            grant_types: ["authorization_code"],
            response_types: ["code"],
          },
        ],
        findAccount: (_ctx, id) => ({
          accountId: id,
          claims: () => {
            const known = accounts[id];
            return known ? { sub: id, email: known.email, email_verified: known.emailVerified } : { sub: id };
          },
        }),
        // `amr` with `openid`, so the ID token says how the person authenticated (as Entra ID does).
        claims: { openid: ["sub", "amr"], email: ["email", "email_verified"], profile: ["name"] },
        // Put the email claims in the ID token, as Google and Entra ID do.
        conformIdTokenClaims: false,
        cookies: { keys: ["test-cookie-key"] },
        jwks: { keys: [signingKey] },
        features: { devInteractions: { enabled: true } },
      });
    },
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

/** True for a POST of the development login or consent form. */
function isInteractionSubmission(request: IncomingMessage): boolean {
  return request.method === "POST" && /^\/interaction\/[^/]+$/.test(request.url ?? "");
}

/**
 * Finishes a login here, with the account's `amr` (the development login cannot set one); a
 * consent goes on to the provider with the body already read.
 */
async function submitInteraction(
  provider: Provider,
  request: IncomingMessage,
  response: ServerResponse,
  accounts: Record<string, TestAccount>,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  const form = new URLSearchParams(body);
  if (form.get("prompt") !== "login") {
    (request as IncomingMessage & { body?: string }).body = body;
    provider.callback()(request, response);
    return;
  }
  const login = form.get("login") ?? "";
  const amr = accounts[login]?.amr;
  await provider.interactionFinished(
    request,
    response,
    { login: { accountId: login, ...(amr ? { amr } : {}) } },
    { mergeWithLastSubmission: false },
  );
}
