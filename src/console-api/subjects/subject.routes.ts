/**
 * GET /api/v1/schools/:schoolId/pupils/:name and /devices/:name: what the console's pupil and
 * device pages show. Monitoring-log facts need browsing.read and alerts need alerts.read; what the
 * person may not see comes back as null. Any restricted part returned is an audited read.
 */
import type { FastifyInstance } from "fastify";
import { SubjectParamsSchema, type SubjectSummary } from "../../contracts/console.contract.js";
import { appendAudit } from "../../platform/audit/append-audit.js";
import { authorize, can } from "../../platform/authz/authorize.js";
import { access } from "../../platform/authz/route-access.js";
import { inTransaction } from "../../platform/context/write-context.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { findSubjectActivity, findSubjectAlerts, type SubjectKind } from "./subject.repository.js";

/** Registers the pupil and device routes. */
export function registerSubjectRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;
  for (const kind of ["pupil", "device"] as const satisfies SubjectKind[]) {
    app.get(`/api/v1/schools/:schoolId/${kind}s/:name`, access.to("school.read"), async (request) => {
      const { schoolId, name } = parseInput(SubjectParamsSchema, request.params, "The address");
      const { principal } = request.context;
      authorize(principal, "school.read", { schoolId });
      const browsing = can(principal, "browsing.read", { schoolId });
      const alerts = can(principal, "alerts.read", { schoolId });
      const nothing: SubjectSummary = { name, firstSeen: null, lastSeen: null, related: null, alerts: null };
      if (!browsing && !alerts) return nothing;
      return inTransaction(database, request.context, async (ctx) => {
        await appendAudit(ctx, {
          event: kind === "pupil" ? "pupil.viewed" : "device.viewed",
          schoolId,
          subject: { type: kind, id: name },
        });
        const body: SubjectSummary = {
          ...nothing,
          ...(browsing ? await findSubjectActivity(ctx.trx, schoolId, kind, name) : {}),
          alerts: alerts ? await findSubjectAlerts(ctx.trx, schoolId, kind, name) : null,
        };
        return body;
      });
    });
  }
}
