/**
 * Alerts over HTTP: the triage queue, one alert (explained, with its evidence and history), and
 * the triage actions. Reads of alerts are restricted, so each read is audited in the same
 * transaction as the query; every action is a command with its own audit record.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  AlertAssignSchema,
  AlertBulkSchema,
  AlertNoteSchema,
  AlertQueueQuerySchema,
  AlertTriageSchema,
  type AlertStatus,
} from "../contracts/alert.contract.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import { authorize, schoolsWhere } from "../platform/authz/authorize.js";
import { access } from "../platform/authz/route-access.js";
import { inTransaction } from "../platform/context/write-context.js";
import type { AppServices } from "../platform/http/app-services.js";
import { parseInput } from "../platform/http/parse-input.js";
import { scopeOf } from "../schools/school-scope.js";
import { addAlertNote } from "./add-alert-note.js";
import { alertAbilities } from "./alert.policy.js";
import { presentAlertDetail, presentAlertSummary } from "./alert.presenter.js";
import { findAlertHistory, findAlertInScope, findAlertQueue } from "./alert.repository.js";
import { assignAlert } from "./assign-alert.js";
import { bulkActOnAlerts } from "./bulk-act-on-alerts.js";
import { triageAlert } from "./triage-alert.js";

export const SchoolParams = z.object({ schoolId: z.uuid({ error: "The school id must be a UUID" }) });
export const AlertParams = z.object({ alertId: z.uuid({ error: "The alert id must be a UUID" }) });

/** Registers the alert queue, detail and triage routes. */
export function registerAlertRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;

  app.get("/api/v1/schools/:schoolId/alerts", access.to("alerts.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const query = parseInput(AlertQueueQuerySchema, request.query, "The query");
    const { principal } = request.context;
    authorize(principal, "alerts.read", { schoolId });
    if (query.assignee === "me") query.assignee = principal.kind === "user" ? principal.userId : "none";
    const page = await inTransaction(database, request.context, async (ctx) => {
      await appendAudit(ctx, {
        event: "alert.queue-viewed",
        schoolId,
        subject: { type: "school", id: schoolId },
        data: {
          status: query.status,
          minSeverity: query.minSeverity ?? null,
          category: query.category ?? null,
          ageGroup: query.ageGroup ?? null,
        },
      });
      return findAlertQueue(ctx.trx, scopeOf([schoolId]), schoolId, query);
    });
    return { alerts: page.rows.map(presentAlertSummary), nextCursor: page.nextCursor };
  });

  app.get("/api/v1/alerts/:alertId", access.to("alerts.read"), async (request) => {
    const { alertId } = parseInput(AlertParams, request.params, "The address");
    const { principal } = request.context;
    const scope = scopeOf(schoolsWhere(principal, "alerts.read"));
    return inTransaction(database, request.context, async (ctx) => {
      const row = await findAlertInScope(ctx.trx, scope, alertId);
      authorize(principal, "alerts.read", { schoolId: row.school_id });
      await appendAudit(ctx, {
        event: "alert.viewed",
        schoolId: row.school_id,
        subject: { type: "alert", id: alertId },
      });
      const history = await findAlertHistory(ctx.trx, row.school_id, alertId);
      const abilities = alertAbilities(principal, {
        school_id: row.school_id,
        status: row.status as AlertStatus,
      });
      return presentAlertDetail(row, history, abilities);
    });
  });

  app.post("/api/v1/alerts/:alertId/triage", access.to("alerts.act"), async (request) => {
    const { alertId } = parseInput(AlertParams, request.params, "The address");
    const input = parseInput(AlertTriageSchema, request.body, "The triage");
    const scope = scopeOf(schoolsWhere(request.context.principal, "alerts.act"));
    return inTransaction(database, request.context, (ctx) => triageAlert(ctx, scope, alertId, input));
  });

  app.post("/api/v1/alerts/:alertId/assign", access.to("alerts.act"), async (request) => {
    const { alertId } = parseInput(AlertParams, request.params, "The address");
    const input = parseInput(AlertAssignSchema, request.body, "The assignment");
    const scope = scopeOf(schoolsWhere(request.context.principal, "alerts.act"));
    return inTransaction(database, request.context, (ctx) => assignAlert(ctx, scope, alertId, input));
  });

  app.post("/api/v1/alerts/:alertId/notes", access.to("alerts.act"), async (request, reply) => {
    const { alertId } = parseInput(AlertParams, request.params, "The address");
    const input = parseInput(AlertNoteSchema, request.body, "The note");
    const scope = scopeOf(schoolsWhere(request.context.principal, "alerts.act"));
    const result = await inTransaction(database, request.context, (ctx) =>
      addAlertNote(ctx, scope, alertId, input),
    );
    return reply.status(201).send(result);
  });

  app.post("/api/v1/schools/:schoolId/alerts/bulk", access.to("alerts.act"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const input = parseInput(AlertBulkSchema, request.body, "The bulk action");
    // The policy decides per alert which ids the caller may touch; each gets its own outcome.
    return inTransaction(database, request.context, (ctx) =>
      bulkActOnAlerts(ctx, request.context.principal, schoolId, input),
    );
  });
}
