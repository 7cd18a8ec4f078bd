/**
 * The activity explorer: GET /api/v1/schools/:schoolId/activity (a page of events) and
 * /activity.csv (every matching event, streamed). Pupils' browsing is restricted: each read is
 * audited with its filters, in the same transaction as the read (or before the stream starts).
 */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import {
  ActivityFilterSchema,
  ActivityQuerySchema,
  SchoolParamsSchema,
  type ActivityFilter,
  type ActivityPage,
} from "../../contracts/console.contract.js";
import type { JsonValue } from "../../platform/audit/canonical-json.js";
import { appendAudit } from "../../platform/audit/append-audit.js";
import { authorize } from "../../platform/authz/authorize.js";
import { access } from "../../platform/authz/route-access.js";
import { inTransaction } from "../../platform/context/write-context.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { parseInput } from "../../platform/http/parse-input.js";
import { activityCsvLines } from "./activity-csv.js";
import { decodeCursor, encodeCursor } from "./activity-cursor.js";
import { findActivity } from "./activity.repository.js";

/** Registers the activity explorer's routes. */
export function registerActivityRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;

  app.get("/api/v1/schools/:schoolId/activity", access.to("browsing.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    const query = parseInput(ActivityQuerySchema, request.query, "The activity filter");
    authorize(request.context.principal, "browsing.read", { schoolId });
    const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
    const items = await inTransaction(database, request.context, async (ctx) => {
      await appendAudit(ctx, {
        event: "activity.viewed",
        schoolId,
        subject: { type: "school", id: schoolId },
        data: { ...auditedFilter(query), page: cursor ? "later" : "first" },
      });
      return findActivity(ctx.trx, schoolId, query, { cursor, limit: query.limit + 1 });
    });
    const page = items.slice(0, query.limit);
    const last = page.at(-1);
    const body: ActivityPage = {
      items: page,
      nextCursor: items.length > query.limit && last ? encodeCursor({ time: last.time, id: last.id }) : null,
    };
    return body;
  });

  app.get("/api/v1/schools/:schoolId/activity.csv", access.to("browsing.read"), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    const filter = parseInput(ActivityFilterSchema, request.query, "The activity filter");
    authorize(request.context.principal, "browsing.read", { schoolId });
    await inTransaction(database, request.context, (ctx) =>
      appendAudit(ctx, {
        event: "activity.exported",
        schoolId,
        subject: { type: "school", id: schoolId },
        data: auditedFilter(filter),
      }),
    );
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="vigil-activity-${stamp}.csv"`)
      .header("cache-control", "no-store")
      .send(Readable.from(activityCsvLines(database.db, schoolId, filter)));
  });
}

function auditedFilter(filter: ActivityFilter): Record<string, JsonValue> {
  const { pupil, device, category, kind, from, to } = filter;
  return Object.fromEntries(
    Object.entries({ pupil, device, category, kind, from, to }).filter(([, value]) => value !== undefined),
  ) as Record<string, JsonValue>;
}
