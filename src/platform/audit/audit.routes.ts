/**
 * GET /api/v1/schools/:schoolId/audit: a school's audit log, newest first. Who read the log is
 * restricted information too, so the read is itself recorded, in the same transaction.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { authorize } from "../authz/authorize.js";
import { access } from "../authz/route-access.js";
import { inTransaction } from "../context/write-context.js";
import type { AppServices } from "../http/app-services.js";
import { parseInput } from "../http/parse-input.js";
import { scopeOf } from "../../schools/school-scope.js";
import { appendAudit } from "./append-audit.js";
import { findAuditRecords } from "./audit.repository.js";

const ParamsSchema = z.object({ schoolId: z.uuid({ error: "The school id must be a UUID" }) });
const QuerySchema = z.object({
  limit: z.coerce
    .number({ error: "The limit must be a number" })
    .int("The limit must be a whole number")
    .min(1, "The limit must be at least 1")
    .max(1_000, "The limit must be at most 1000")
    .default(100),
});

/** Registers the school audit log route. */
export function registerAuditRoutes(app: FastifyInstance, services: AppServices): void {
  app.get("/api/v1/schools/:schoolId/audit", access.to("audit.read"), async (request) => {
    const { schoolId } = parseInput(ParamsSchema, request.params, "The address");
    const { limit } = parseInput(QuerySchema, request.query, "The query");
    authorize(request.context.principal, "audit.read", { schoolId });
    const records = await inTransaction(services.database, request.context, async (ctx) => {
      await appendAudit(ctx, {
        event: "audit.viewed",
        schoolId,
        subject: { type: "school", id: schoolId },
        data: { limit },
      });
      return findAuditRecords(ctx.trx, scopeOf([schoolId]), { limit });
    });
    return {
      records: records.map((record) => ({
        seq: record.seq,
        event: record.event,
        createdAt: record.created_at,
        actor: { kind: record.actor_kind, id: record.actor_id, label: record.actor_label },
        ip: record.ip,
        subject: record.subject_type ? { type: record.subject_type, id: record.subject_id } : null,
        data: JSON.parse(record.data) as unknown,
      })),
    };
  });
}
