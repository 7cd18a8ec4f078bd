/**
 * GET /api/v1/me/notifications?schoolId=: what needs the signed-in person now, for the bell in
 * the console's header (polled every minute). Counts only, each kind for those who may deal with
 * it (see find-my-notifications.ts), so it is not an audited restricted read.
 */
import type { FastifyInstance } from "fastify";
import { NotificationsQuerySchema } from "../../contracts/console.contract.js";
import { authorize } from "../../platform/authz/authorize.js";
import { access } from "../../platform/authz/route-access.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { findMyNotifications } from "./find-my-notifications.js";

/** Registers the notifications route. */
export function registerNotificationRoutes(app: FastifyInstance, services: AppServices): void {
  const { db } = services.database;
  app.get("/api/v1/me/notifications", access.signedIn, async (request) => {
    const { schoolId } = parseInput(NotificationsQuerySchema, request.query, "The query");
    const { principal } = request.context;
    authorize(principal, "school.read", { schoolId });
    if (principal.kind !== "user") throw new Error("access.signedIn let a non-person through");
    return findMyNotifications(db, principal, schoolId, new Date());
  });
}
