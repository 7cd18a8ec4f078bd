/**
 * GET /api/v1/schools/:schoolId/retention: the settings page's "retention periods". The period is
 * a server setting (VIGIL_EVENT_RETENTION_DAYS), read only here; the last purge comes from the
 * school's audit log, so what the page says is what the nightly job actually recorded.
 */
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { SchoolParamsSchema } from "../../contracts/console.contract.js";
import type { RetentionView } from "../../contracts/console-settings.contract.js";
import type { Database } from "../../db/schema.js";
import { authorize } from "../../platform/authz/authorize.js";
import { access } from "../../platform/authz/route-access.js";
import type { AppServices } from "../../platform/http/app-services.js";
import { parseInput } from "../../platform/http/parse-input.js";

/** Registers the retention route. */
export function registerRetentionRoutes(app: FastifyInstance, services: AppServices): void {
  const { config, database } = services;
  app.get("/api/v1/schools/:schoolId/retention", access.to("school.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParamsSchema, request.params, "The address");
    authorize(request.context.principal, "school.read", { schoolId });
    const body: RetentionView = {
      eventRetentionDays: config.eventRetentionDays,
      environmentVariable: "VIGIL_EVENT_RETENTION_DAYS",
      lastPurge: await findLastPurge(database.db, schoolId),
    };
    return body;
  });
}

/** The school's latest `retention.purged` audit record: when, how many events, and the cutoff. */
export async function findLastPurge(
  db: Kysely<Database>,
  schoolId: string,
): Promise<RetentionView["lastPurge"]> {
  const row = await db
    .selectFrom("audit_records")
    .select(["created_at", "data"])
    .where("school_id", "=", schoolId)
    .where("event", "=", "retention.purged")
    .orderBy("created_at", "desc")
    .orderBy("seq", "desc")
    .executeTakeFirst();
  if (!row) return null;
  const data = JSON.parse(row.data) as { events?: unknown; cutoff?: unknown };
  return {
    at: row.created_at,
    events: typeof data.events === "number" ? data.events : 0,
    cutoff: typeof data.cutoff === "string" ? data.cutoff : null,
  };
}
