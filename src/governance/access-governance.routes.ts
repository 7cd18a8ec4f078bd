/**
 * Access beyond a role and the termly access review over HTTP. Anyone with a role may ask; the
 * SIRO decides; the requester may withdraw; the SIRO or head reviews and signs off each term.
 */
import type { FastifyInstance } from "fastify";
import {
  AccessDecisionSchema,
  AccessRequestListQuerySchema,
  AccessRequestParamsSchema,
  AccessRequestSchema,
  AccessReviewSignOffSchema,
  SchoolParamsSchema,
} from "../contracts/access-governance.contract.js";
import { currentUser } from "../identity/current-user.js";
import { authorize, can } from "../platform/authz/authorize.js";
import { access } from "../platform/authz/route-access.js";
import { inTransaction } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import type { AppServices } from "../platform/http/app-services.js";
import { parseInput } from "../platform/http/parse-input.js";
import { findAccessRequest, findAccessRequests } from "./access-request.repository.js";
import { presentAccessRequest } from "./access-request.presenter.js";
import { buildAccessReview } from "./build-access-review.js";
import { decideAccessRequest } from "./decide-access-request.js";
import { requestAccess } from "./request-access.js";
import { accessReviewHash, findAccessReviewSignOffs, signOffAccessReview } from "./sign-off-access-review.js";
import { withdrawAccessRequest } from "./withdraw-access-request.js";

const requests = "/api/v1/schools/:schoolId/access-requests";
const review = "/api/v1/schools/:schoolId/access-review";
const RequestParams = SchoolParamsSchema.extend(AccessRequestParamsSchema.shape);

/** Registers the access request and access review routes. */
export function registerAccessGovernanceRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;
  const { db } = database;

  app.post(requests, access.to("access.request"), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    const input = parseInput(AccessRequestSchema, request.body, "The request");
    authorize(request.context.principal, "access.request", { schoolId });
    const { principal } = currentUser(request);
    const id = await inTransaction(database, request.context, (ctx) =>
      requestAccess(ctx, principal, schoolId, input),
    );
    const created = await findAccessRequest(db, schoolId, id);
    if (!created) throw new Error("access request vanished");
    return reply.status(201).send(presentAccessRequest(created));
  });

  // Those who decide see every request of the school; everyone else sees their own.
  app.get(requests, access.to("access.request"), async (request) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    const { status } = parseInput(AccessRequestListQuerySchema, request.query, "The query");
    authorize(request.context.principal, "access.request", { schoolId });
    const { principal } = currentUser(request);
    const decides = can(principal, "access.approve", { schoolId });
    const rows = await findAccessRequests(db, schoolId, {
      ...(status ? { status } : {}),
      ...(decides ? {} : { requesterId: principal.userId }),
    });
    return { requests: rows.map(presentAccessRequest), canDecide: decides };
  });

  app.post(`${requests}/:requestId/decision`, access.to("access.approve"), async (request) => {
    const { schoolId, requestId } = parseInput(RequestParams, request.params, "The address");
    const input = parseInput(AccessDecisionSchema, request.body, "The decision");
    authorize(request.context.principal, "access.approve", { schoolId });
    const { principal } = currentUser(request);
    await inTransaction(database, request.context, (ctx) =>
      decideAccessRequest(ctx, { schoolId, requestId, deciderId: principal.userId, ...input }),
    );
    const decided = await findAccessRequest(db, schoolId, requestId);
    if (!decided) throw new AppError("not_found", "There is no such access request in this school.");
    return presentAccessRequest(decided);
  });

  app.post(`${requests}/:requestId/withdraw`, access.to("access.request"), async (request) => {
    const { schoolId, requestId } = parseInput(RequestParams, request.params, "The address");
    authorize(request.context.principal, "access.request", { schoolId });
    const { principal } = currentUser(request);
    await inTransaction(database, request.context, (ctx) =>
      withdrawAccessRequest(ctx, { schoolId, requestId, requesterId: principal.userId }),
    );
    const withdrawn = await findAccessRequest(db, schoolId, requestId);
    if (!withdrawn) throw new Error("access request vanished");
    return presentAccessRequest(withdrawn);
  });

  app.get(review, access.to("access.review"), async (request) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    authorize(request.context.principal, "access.review", { schoolId });
    const report = await buildAccessReview(db, schoolId);
    return {
      report,
      reportSha256: accessReviewHash(report),
      signOffs: await findAccessReviewSignOffs(db, schoolId),
    };
  });

  app.post(`${review}/sign-off`, access.to("access.review"), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    const input = parseInput(AccessReviewSignOffSchema, request.body, "The sign-off");
    authorize(request.context.principal, "access.review", { schoolId });
    const { principal } = currentUser(request);
    const signed = await inTransaction(database, request.context, (ctx) =>
      signOffAccessReview(ctx, {
        schoolId,
        reviewerId: principal.userId,
        reportSha256: input.reportSha256,
        note: input.note ?? null,
      }),
    );
    return reply.status(201).send(signed);
  });
}
