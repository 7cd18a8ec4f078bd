/**
 * API tokens, for administrators and network managers: list a school's tokens, create one (the
 * secret is in this one answer only), revoke one.
 */
import type { FastifyInstance } from "fastify";
import {
  ApiTokenIdParamsSchema,
  CreateApiTokenRequestSchema,
  SchoolQuerySchema,
} from "../../contracts/identity-admin.contract.js";
import { authorize } from "../../platform/authz/authorize.js";
import { access } from "../../platform/authz/route-access.js";
import { inTransaction } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { scopeOf } from "../../schools/school-scope.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { findApiToken, findApiTokens, parseScopes } from "./api-token.repository.js";
import { createApiToken } from "./create-api-token.js";
import { revokeApiToken } from "./revoke-api-token.js";

/** Registers the /api/v1/api-tokens routes. */
export function registerApiTokenRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;

  app.get("/api/v1/api-tokens", access.to("api-tokens.manage"), async (request) => {
    const { schoolId } = parseInput(SchoolQuerySchema, request.query, "The query");
    authorize(request.context.principal, "api-tokens.manage", { schoolId });
    const tokens = await findApiTokens(database.db, scopeOf([schoolId]));
    return { tokens: tokens.map(presentToken) };
  });

  app.post("/api/v1/api-tokens", access.to("api-tokens.manage"), async (request, reply) => {
    const input = parseInput(CreateApiTokenRequestSchema, request.body, "The new token");
    authorize(request.context.principal, "api-tokens.manage", { schoolId: input.schoolId });
    const created = await inTransaction(database, request.context, (ctx) => createApiToken(ctx, input));
    return reply.status(201).send(created);
  });

  app.delete("/api/v1/api-tokens/:tokenId", access.to("api-tokens.manage"), async (request, reply) => {
    const { tokenId } = parseInput(ApiTokenIdParamsSchema, request.params, "The address");
    const token = await findApiToken(database.db, request.context.scope, tokenId);
    if (!token) throw new AppError("not_found", "There is no such API token in your schools.");
    authorize(request.context.principal, "api-tokens.manage", { schoolId: token.school_id });
    await inTransaction(database, request.context, (ctx) => revokeApiToken(ctx, token));
    return reply.status(204).send();
  });
}

function presentToken(token: Awaited<ReturnType<typeof findApiTokens>>[number]) {
  return {
    id: token.id,
    schoolId: token.school_id,
    name: token.name,
    scopes: parseScopes(token.scopes),
    createdBy: token.created_by,
    createdAt: token.created_at,
    lastUsedAt: token.last_used_at,
    revokedAt: token.revoked_at,
  };
}
