/**
 * The feedback loop over HTTP: rule precision from triage outcomes, suppressions (made in full or
 * from an alert in one call), the "what if" replay, and the supportive messages the agent shows.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  SuppressFromAlertSchema,
  SuppressionCreateSchema,
  SuppressionEndSchema,
  WhatIfRequestSchema,
} from "../contracts/alert.contract.js";
import { shippedDetector } from "../library/shipped-detector.js";
import { shippedUrlLookup } from "../library/shipped-url-lookup.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import { authorize, schoolsWhere } from "../platform/authz/authorize.js";
import { access } from "../platform/authz/route-access.js";
import { inTransaction } from "../platform/context/write-context.js";
import type { AppServices } from "../platform/http/app-services.js";
import { parseInput } from "../platform/http/parse-input.js";
import { scopeOf } from "../schools/school-scope.js";
import {
  createSuppression,
  endSuppression,
  findSuppressions,
  suppressFromAlert,
} from "./alert-suppression.js";
import { AlertParams, SchoolParams } from "./alert.routes.js";
import { pupilResponses } from "./pupil-responses.js";
import { rulePrecision } from "./rule-precision.js";
import { replayWhatIf } from "./what-if-replay.js";

const SuppressionParams = SchoolParams.extend({
  suppressionId: z.uuid({ error: "The suppression id must be a UUID" }),
});

/** Registers the rule precision, suppression, what-if and pupil response routes. */
export function registerAlertFeedbackRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;
  const suppressions = "/api/v1/schools/:schoolId/alert-suppressions";

  app.get("/api/v1/schools/:schoolId/rule-precision", access.to("alerts.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    authorize(request.context.principal, "alerts.read", { schoolId });
    return rulePrecision(database.db, scopeOf([schoolId]), schoolId);
  });

  app.get(suppressions, access.to("alerts.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    authorize(request.context.principal, "alerts.read", { schoolId });
    return { suppressions: await findSuppressions(database.db, scopeOf([schoolId]), schoolId) };
  });

  app.post(suppressions, access.to("alerts.act"), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const input = parseInput(SuppressionCreateSchema, request.body, "The suppression");
    authorize(request.context.principal, "alerts.act", { schoolId });
    const id = await inTransaction(database, request.context, (ctx) =>
      createSuppression(ctx, schoolId, input),
    );
    return reply.status(201).send({ id });
  });

  app.post(`${suppressions}/:suppressionId/end`, access.to("alerts.act"), async (request) => {
    const { schoolId, suppressionId } = parseInput(SuppressionParams, request.params, "The address");
    const { reason } = parseInput(SuppressionEndSchema, request.body, "The request");
    authorize(request.context.principal, "alerts.act", { schoolId });
    await inTransaction(database, request.context, (ctx) =>
      endSuppression(ctx, scopeOf([schoolId]), suppressionId, reason),
    );
    return { id: suppressionId, ended: true };
  });

  app.post("/api/v1/alerts/:alertId/suppress", access.to("alerts.act"), async (request, reply) => {
    const { alertId } = parseInput(AlertParams, request.params, "The address");
    const input = parseInput(SuppressFromAlertSchema, request.body, "The suppression");
    const scope = scopeOf(schoolsWhere(request.context.principal, "alerts.act"));
    const ids = await inTransaction(database, request.context, (ctx) =>
      suppressFromAlert(ctx, scope, alertId, input),
    );
    return reply.status(201).send({ ids });
  });

  app.post("/api/v1/schools/:schoolId/alerts/what-if", access.to("alerts.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const input = parseInput(WhatIfRequestSchema, request.body, "The proposed change");
    authorize(request.context.principal, "alerts.read", { schoolId });
    const tools = { detector: shippedDetector().detector, lookup: shippedUrlLookup() };
    const result = await replayWhatIf(database.db, schoolId, input, tools);
    await inTransaction(database, request.context, (ctx) =>
      appendAudit(ctx, {
        event: "alert.what-if-replayed",
        schoolId,
        subject: { type: "school", id: schoolId },
        data: { change: input.change, days: input.days, eventsReplayed: result.eventsReplayed },
      }),
    );
    return result;
  });

  // Helpline messages are public information, with nothing about any pupil in them, so the
  // agent fetches them without a key and caches them.
  app.get("/api/v1/agent/responses", access.public, async (_request, reply) => {
    void reply.header("cache-control", "public, max-age=86400");
    return { responses: pupilResponses };
  });
}
