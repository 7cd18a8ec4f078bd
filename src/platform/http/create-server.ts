/**
 * Builds the HTTP server: request context, error handling, the setup gate, then each area's
 * routes. Listening and shutdown are the caller's (see `serve`), so tests can use `inject`.
 */
import Fastify, { LogController, type FastifyInstance } from "fastify";
import { registerEventRoutes } from "../../capture/events/event.routes.js";
import { registerAlertFeedbackRoutes } from "../../alerts/alert-feedback.routes.js";
import { registerAlertRoutes } from "../../alerts/alert.routes.js";
import { registerDetectionOverrideRoutes } from "../../overrides/detection-override.routes.js";
import { registerAlertNotificationRoutes } from "../../notifications/alert-notifications.routes.js";
import { registerNotificationRoutes } from "../../notifications/notification.routes.js";
import { registerAccessGovernanceRoutes } from "../../governance/access-governance.routes.js";
import { registerIdentity } from "../../identity/register-identity.js";
import { registerIncidents } from "../../incidents/register-incidents.js";
import { registerSetupGate } from "../../setup/setup-gate.js";
import { registerSetupRoutes } from "../../setup/setup.routes.js";
import { registerAuditRoutes } from "../audit/audit.routes.js";
import { registerRouteTable } from "../authz/route-access.js";
import type { AppServices } from "./app-services.js";
import { registerErrorHandler } from "./error-handler.js";
import { registerHealthRoutes } from "./health.routes.js";
import { registerConsoleApi } from "../../console-api/register-console-api.js";
import { registerDirectoryRoutes } from "../../directory/directory.routes.js";
import { registerConsoleRoutes } from "./console.routes.js";
import { registerRequestContext } from "./request-context.js";

/** A ready-to-listen server over the given services. */
export async function createServer(services: AppServices): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: services.config.logLevel },
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: false,
    // Per-request lines only when debugging: a busy ingest would otherwise drown the log.
    logController: new LogController({
      disableRequestLogging: services.config.logLevel !== "debug" && services.config.logLevel !== "trace",
    }),
  });
  registerRequestContext(app);
  registerRouteTable(app);
  registerErrorHandler(app);
  await registerSetupGate(app, services);
  await registerIdentity(app, services);
  registerEventRoutes(app, services);
  registerHealthRoutes(app, services);
  registerSetupRoutes(app, services);
  registerAuditRoutes(app, services);
  registerDetectionOverrideRoutes(app, services);
  registerAccessGovernanceRoutes(app, services);
  registerIncidents(app, services);
  registerAlertRoutes(app, services);
  registerAlertFeedbackRoutes(app, services);
  registerNotificationRoutes(app, services);
  registerAlertNotificationRoutes(app, services);
  registerConsoleApi(app, services);
  registerDirectoryRoutes(app, services);
  // Last: the console answers every GET address no API route claimed.
  await registerConsoleRoutes(app);
  await app.ready();
  return app;
}
