/**
 * GET /api/v1/schools/:schoolId/dashboard: the figures the console opens on. Everyone who can
 * see the school sees its sources; alert figures only for those who may see alerts (they hold no
 * pupil names, so reading them is not an audited restricted read).
 */
import type { FastifyInstance } from "fastify";
import { SchoolParamsSchema, type DashboardResponse } from "../../contracts/console.contract.js";
import { authorize, can } from "../../platform/authz/authorize.js";
import { access } from "../../platform/authz/route-access.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { findAlertSummary } from "./alert-summary.js";
import { findIncidentSummary } from "./dashboard-incidents.js";
import { QUIET_SOURCE_AFTER_MINUTES, findSourceStatuses } from "./quiet-sources.js";

/** Registers the dashboard route. */
export function registerDashboardRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services.database;
  app.get("/api/v1/schools/:schoolId/dashboard", access.to("school.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    const { principal } = request.context;
    authorize(principal, "school.read", { schoolId });
    const now = new Date();
    const seesAlerts = can(principal, "alerts.read", { schoolId });
    const seesIncidents = can(principal, "incidents.read", { schoolId });
    const [alerts, items, incidents] = await Promise.all([
      seesAlerts ? findAlertSummary(db, schoolId, now) : null,
      findSourceStatuses(db, schoolId, now),
      seesIncidents ? findIncidentSummary(db, schoolId) : null,
    ]);
    const body: DashboardResponse = {
      schoolId,
      generatedAt: now.toISOString(),
      alerts,
      sources: { quietAfterMinutes: QUIET_SOURCE_AFTER_MINUTES, items },
      incidents,
    };
    return body;
  });
}
