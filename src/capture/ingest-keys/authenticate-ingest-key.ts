/**
 * The event API's authentication: `Authorization: Bearer <ingest key>`. Missing or unknown keys
 * get 401, a revoked key 403, so a sender can tell "misconfigured" from "switched off".
 */
import type { FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { AppError } from "../../platform/errors/app-error.js";
import { resolveIngestKey } from "./ingest-key.repository.js";

export interface IngestKeyIdentity {
  keyId: string;
  schoolId: string;
  name: string;
}

/** The school and key behind the request's bearer key, or a 401/403 error. */
export async function authenticateIngestKey(
  db: Kysely<Database>,
  request: FastifyRequest,
): Promise<IngestKeyIdentity> {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw new AppError("unauthenticated", "An ingest key is required: send Authorization: Bearer <key>.", {
      hint: "Create one on the server with `vigil ingest-key create --school <school> --name <sender>`.",
    });
  }
  const key = await resolveIngestKey(db, match[1]);
  if (key.status === "unknown") {
    throw new AppError("unauthenticated", "This ingest key is not known.", {
      hint: "Check the sender's configuration; `vigil ingest-key list` shows the keys by their first characters.",
    });
  }
  if (key.status === "revoked") {
    throw new AppError("ingest_key_revoked", `This ingest key was revoked at ${key.revokedAt}.`, {
      hint: "Create a new key with `vigil ingest-key create` and update the sender.",
    });
  }
  return { keyId: key.id, schoolId: key.schoolId, name: key.name };
}
