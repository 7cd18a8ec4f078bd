/**
 * Builds the HTTP server: request context, error handling, the setup gate, then each area's
 * routes. Listening and shutdown are the caller's (see `serve`), so tests can use `inject`.
 */
import Fastify, { LogController, type FastifyInstance } from "fastify";
import { registerEventRoutes } from "../../capture/events/event.routes.js";
import { registerDetectionOverrideRoutes } from "../../overrides/detection-override.routes.js";
import { registerIdentity } from "../../identity/register-identity.js";
import { registerSetupGate } from "../../setup/setup-gate.js";
import { registerSetupRoutes } from "../../setup/setup.routes.js";
import { registerAuditRoutes } from "../audit/audit.routes.js";
import { registerRouteTable } from "../authz/route-access.js";
import type { AppServices } from "./app-services.js";
import { registerErrorHandler } from "./error-handler.js";
import { registerHealthRoutes } from "./health.routes.js";
import { registerHomeRoute } from "./home.routes.js";
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
  registerHomeRoute(app);
  registerSetupRoutes(app, services);
  registerAuditRoutes(app, services);
  registerDetectionOverrideRoutes(app, services);
  await app.ready();
  return app;
}
