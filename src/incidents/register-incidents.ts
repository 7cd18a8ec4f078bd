/** Registers the incident log and evidence routes (one line in create-server). */
import type { FastifyInstance } from "fastify";
import { registerEvidenceRoutes } from "../evidence/evidence.routes.js";
import type { AppServices } from "../platform/http/app-services.js";
import { registerIncidentActionRoutes } from "./incident-actions.routes.js";
import { registerIncidentRoutes } from "./incident.routes.js";

/** The incident area's routes. */
export function registerIncidents(app: FastifyInstance, services: AppServices): void {
  registerIncidentRoutes(app, services);
  registerIncidentActionRoutes(app, services);
  registerEvidenceRoutes(app, services);
}
