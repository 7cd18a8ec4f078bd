/**
 * A school's ingest keys over HTTP, for the console's settings: list them (never the secret),
 * make one (the secret is shown once), revoke one. Each change is audited by the commands in
 * src/capture/ingest-keys, the same ones the CLI uses.
 */
import type { FastifyInstance } from "fastify";
import { createIngestKey } from "../../capture/ingest-keys/create-ingest-key.js";
import { findIngestKeys } from "../../capture/ingest-keys/ingest-key.repository.js";
import { revokeIngestKey } from "../../capture/ingest-keys/revoke-ingest-key.js";
import { SchoolParamsSchema } from "../../contracts/console.contract.js";
import {
  IngestKeyCreateSchema,
  IngestKeyParamsSchema,
  type IngestKeyCreated,
  type IngestKeyList,
} from "../../contracts/console-settings.contract.js";
import { authorize } from "../../platform/authz/authorize.js";
import { access } from "../../platform/authz/route-access.js";
import { inTransaction } from "../../platform/context/write-context.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { scopeOf } from "../../schools/school-scope.js";

const base = "/api/v1/schools/:schoolId/ingest-keys";

/** Registers the ingest key routes. */
export function registerIngestKeyRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;

  app.get(base, access.to("api-tokens.manage"), async (request) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    authorize(request.context.principal, "api-tokens.manage", { schoolId });
    const rows = await findIngestKeys(database.db, scopeOf([schoolId]));
    const body: IngestKeyList = {
      keys: rows.map((row) => ({
        id: row.id,
        name: row.name,
        prefix: row.key_prefix,
        createdBy: row.created_by,
        createdAt: row.created_at,
        lastUsedAt: row.last_used_at,
        revokedAt: row.revoked_at,
      })),
    };
    return body;
  });

  app.post(base, access.to("api-tokens.manage"), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    const { name } = parseInput(IngestKeyCreateSchema, request.body, "The new key");
    authorize(request.context.principal, "api-tokens.manage", { schoolId });
    const created: IngestKeyCreated = await inTransaction(database, request.context, (ctx) =>
      createIngestKey(ctx, { schoolId, name }),
    );
    return reply.status(201).send(created);
  });

  app.post(`${base}/:keyId/revoke`, access.to("api-tokens.manage"), async (request) => {
    const { schoolId, keyId } = parseInput(IngestKeyParamsSchema, request.params, "The address");
    authorize(request.context.principal, "api-tokens.manage", { schoolId });
    await inTransaction(database, request.context, (ctx) => revokeIngestKey(ctx, scopeOf([schoolId]), keyId));
    return { id: keyId, revoked: true };
  });
}
