/**
 * The openid-client configuration of a provider: its metadata discovered from the issuer's
 * `/.well-known/openid-configuration`, with the client id and secret. Discovery is cached for a few
 * minutes so each sign-in does not fetch it twice; plain http is allowed only for a loopback
 * issuer (the contract refuses any other), which is what tests and development providers use.
 */
import * as client from "openid-client";
import { AppError } from "../../platform/errors/app-error.js";

const cacheMinutes = 10;
const discoveryTimeoutSeconds = 10;

interface Cached {
  configuration: Promise<client.Configuration>;
  expiresAt: number;
}

const cache = new Map<string, Cached>();

/** Discovers (or reuses) the configuration for `provider`; rejects when the issuer cannot be reached. */
export function providerConfiguration(
  provider: { id: string; issuer: string; client_id: string },
  clientSecret: string,
): Promise<client.Configuration> {
  const key = `${provider.id}|${provider.issuer}|${provider.client_id}`;
  const cached = cache.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.configuration;
  const configuration = discover(provider.issuer, provider.client_id, clientSecret);
  // A failed discovery is not cached: the next attempt tries again.
  configuration.catch(() => cache.delete(key));
  cache.set(key, { configuration, expiresAt: Date.now() + cacheMinutes * 60_000 });
  return configuration;
}

/**
 * Fetches the issuer's discovery document once, to catch a wrong issuer when a provider is
 * added; returns the authorization endpoint, or throws `validation_failed` saying what failed.
 */
export async function checkDiscovery(
  issuer: string,
  clientId: string,
  clientSecret: string,
): Promise<string> {
  try {
    const configuration = await discover(issuer, clientId, clientSecret);
    const endpoint = configuration.serverMetadata().authorization_endpoint;
    if (endpoint === undefined) throw new Error("it names no authorization endpoint");
    return endpoint;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("validation_failed", `The issuer ${issuer} could not be discovered: ${reason}`, {
      hint: `Check the issuer: ${issuer}/.well-known/openid-configuration must answer from this server.`,
    });
  }
}

function discover(issuerUrl: string, clientId: string, clientSecret: string): Promise<client.Configuration> {
  const issuer = new URL(issuerUrl);
  return client.discovery(issuer, clientId, undefined, client.ClientSecretPost(clientSecret), {
    timeout: discoveryTimeoutSeconds,
    // Deprecated only to stand out: the contract limits plain http to loopback issuers.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    execute: issuer.protocol === "http:" ? [client.allowInsecureRequests] : [],
  });
}
