/** The console's everyday routes: dashboard, activity explorer, search, pupils and devices, settings. */
import type { FastifyInstance } from "fastify";
import type { AppServices } from "../platform/http/app-services.js";
import { registerActivityRoutes } from "./activity/activity.routes.js";
import { registerDashboardRoutes } from "./dashboard/dashboard.routes.js";
import { registerNotificationRoutes } from "./notifications/notifications.routes.js";
import { registerSearchRoutes } from "./search/search.routes.js";
import { registerIngestKeyRoutes } from "./settings/ingest-key.routes.js";
import { registerPhraseLibraryRoutes } from "./settings/phrase-library.routes.js";
import { registerRetentionRoutes } from "./settings/retention.routes.js";
import { registerSubjectRoutes } from "./subjects/subject.routes.js";

/** Registers every console API route. */
export function registerConsoleApi(app: FastifyInstance, services: AppServices): void {
  registerDashboardRoutes(app, services);
  registerActivityRoutes(app, services);
  registerSearchRoutes(app, services);
  registerSubjectRoutes(app, services);
  registerIngestKeyRoutes(app, services);
  registerPhraseLibraryRoutes(app);
  registerRetentionRoutes(app, services);
  registerNotificationRoutes(app, services);
}
