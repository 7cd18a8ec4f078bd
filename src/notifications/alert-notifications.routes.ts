/** `GET /api/v1/alerts/:alertId/notifications`: each escalation hop of an alert, who and when. */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { authorize, schoolsWhere } from "../platform/authz/authorize.js";
import { access } from "../platform/authz/route-access.js";
import { AppError } from "../platform/errors/app-error.js";
import type { AppServices } from "../platform/http/app-services.js";
import { parseInput } from "../platform/http/parse-input.js";
import { scopeOf } from "../schools/school-scope.js";
import { findHops } from "./delivery.repository.js";

const AlertParams = z.object({ alertId: z.uuid({ error: "The alert id must be a UUID" }) });

/** Registers the alert hops route. */
export function registerAlertNotificationRoutes(app: FastifyInstance, services: AppServices): void {
  app.get("/api/v1/alerts/:alertId/notifications", access.to("alerts.read"), async (request) => {
    const { alertId } = parseInput(AlertParams, request.params, "The address");
    const { principal } = request.context;
    // Looked up only among the caller's schools, so another school's alert reads as absent.
    const scope = scopeOf(schoolsWhere(principal, "alerts.read"));
    const alert = await services.database.db
      .selectFrom("alerts")
      .select(["id", "school_id", "status"])
      .where("id", "=", alertId)
      .where("school_id", "in", scope.schoolIds.length ? [...scope.schoolIds] : [""])
      .executeTakeFirst();
    if (!alert) throw new AppError("not_found", `There is no alert ${alertId} that you may see.`);
    authorize(principal, "alerts.read", { schoolId: alert.school_id });
    const hops = await findHops(services.database.db, scopeOf([alert.school_id]), alertId);
    return { alertId, status: alert.status, acknowledged: alert.status !== "new", hops };
  });
}
