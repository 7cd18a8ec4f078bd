/**
 * GET /api/v1/schools/:schoolId/search?q=: the console's global search. What comes back follows
 * the person's abilities in the school: pupils, devices and sites from the monitoring log need
 * browsing.read; alerts need alerts.read; kinds they may not see come back as null. Finding a
 * pupil is a restricted read, so a search that returned any of it is audited.
 */
import type { FastifyInstance } from "fastify";
import {
  SchoolParamsSchema,
  SearchQuerySchema,
  type SearchResponse,
} from "../../contracts/console.contract.js";
import { appendAudit } from "../../platform/audit/append-audit.js";
import { authorize, can } from "../../platform/authz/authorize.js";
import { access } from "../../platform/authz/route-access.js";
import { inTransaction } from "../../platform/context/write-context.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { findAlertsMatching, findEventNames } from "./search.repository.js";

/** Registers the search route. */
export function registerSearchRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;
  app.get("/api/v1/schools/:schoolId/search", access.to("school.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    const { q } = parseInput(SearchQuerySchema, request.query, "The search");
    const { principal } = request.context;
    authorize(principal, "school.read", { schoolId });
    const browsing = can(principal, "browsing.read", { schoolId });
    const alerts = can(principal, "alerts.read", { schoolId });
    const empty: SearchResponse = { query: q, pupils: null, devices: null, sites: null, alerts: null };
    if (!browsing && !alerts) return empty;
    return inTransaction(database, request.context, async (ctx) => {
      await appendAudit(ctx, {
        event: "search.performed",
        schoolId,
        subject: { type: "school", id: schoolId },
        data: { query: q },
      });
      const body: SearchResponse = {
        query: q,
        pupils: browsing ? await findEventNames(ctx.trx, schoolId, "user_name", q) : null,
        devices: browsing ? await findEventNames(ctx.trx, schoolId, "device", q) : null,
        sites: browsing ? await findEventNames(ctx.trx, schoolId, "host", q) : null,
        alerts: alerts ? await findAlertsMatching(ctx.trx, schoolId, q) : null,
      };
      return body;
    });
  });
}
