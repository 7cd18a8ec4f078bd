/**
 * A school's changes to the phrase library over HTTP: list them, add one, end one. Each change
 * is audited in the same transaction; the detector applies those in force on its next batch.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { DetectionOverrideCreateSchema } from "../contracts/detection-override.contract.js";
import { shippedDetector } from "../library/shipped-detector.js";
import { authorize } from "../platform/authz/authorize.js";
import { access } from "../platform/authz/route-access.js";
import { inTransaction } from "../platform/context/write-context.js";
import type { AppServices } from "../platform/http/app-services.js";
import { parseInput } from "../platform/http/parse-input.js";
import { scopeOf } from "../schools/school-scope.js";
import { createDetectionOverride } from "./create-detection-override.js";
import { findDetectionOverrides } from "./detection-override.repository.js";
import { revokeDetectionOverride } from "./revoke-detection-override.js";

const base = "/api/v1/schools/:schoolId/detection-overrides";
const SchoolParams = z.object({ schoolId: z.uuid({ error: "The school id must be a UUID" }) });
const OverrideParams = SchoolParams.extend({
  overrideId: z.uuid({ error: "The override id must be a UUID" }),
});
const RevokeBody = z.object({
  reason: z.string({ error: "a reason is required" }).trim().min(3, "say why, in a few words").max(500),
});

/** Registers the detection override routes. */
export function registerDetectionOverrideRoutes(app: FastifyInstance, services: AppServices): void {
  app.get(base, access.to("detection.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    authorize(request.context.principal, "detection.read", { schoolId });
    const rows = await findDetectionOverrides(services.database.db, scopeOf([schoolId]));
    return {
      overrides: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        phrase: row.phrase,
        category: row.category,
        weight: row.weight,
        severity: row.severity,
        ruleId: row.rule_id,
        site: row.site,
        user: row.user_name,
        reason: row.reason,
        createdBy: row.created_by,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
      })),
    };
  });

  app.post(base, access.to("detection.manage"), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const input = parseInput(DetectionOverrideCreateSchema, request.body, "The override");
    authorize(request.context.principal, "detection.manage", { schoolId });
    const { library } = shippedDetector().detector;
    const id = await inTransaction(services.database, request.context, (ctx) =>
      createDetectionOverride(ctx, schoolId, input, library),
    );
    return reply.status(201).send({ id });
  });

  app.post(`${base}/:overrideId/revoke`, access.to("detection.manage"), async (request) => {
    const { schoolId, overrideId } = parseInput(OverrideParams, request.params, "The address");
    const { reason } = parseInput(RevokeBody, request.body, "The request");
    authorize(request.context.principal, "detection.manage", { schoolId });
    await inTransaction(services.database, request.context, (ctx) =>
      revokeDetectionOverride(ctx, scopeOf([schoolId]), overrideId, reason),
    );
    return { id: overrideId, revoked: true };
  });
}
