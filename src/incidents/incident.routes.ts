/**
 * The incident log over HTTP: list, record, report a concern, raise from alerts, read one, change
 * fields, add to the chronology, close. Thin: each route checks input and access, then calls a command.
 */
import type { FastifyInstance } from "fastify";
import { raiseAlertsToIncident } from "../alerts/raise-alerts-to-incident.js";
import {
  ConcernReportSchema,
  IncidentCloseSchema,
  IncidentCreateSchema,
  IncidentListQuerySchema,
  IncidentUpdateSchema,
  NameViewerSchema,
  RaiseFromAlertsSchema,
  TimelineEntryCreateSchema,
} from "../contracts/incident.contract.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import { authorize } from "../platform/authz/authorize.js";
import { access } from "../platform/authz/route-access.js";
import { inTransaction } from "../platform/context/write-context.js";
import type { AppServices } from "../platform/http/app-services.js";
import { parseInput } from "../platform/http/parse-input.js";
import { scopeOf } from "../schools/school-scope.js";
import { appendTimelineEntry } from "./append-timeline-entry.js";
import { closeIncident } from "./close-incident.js";
import { publicIncident } from "./export-case-bundle.js";
import { evidenceStoreOf, IncidentParams, incidentsBase, SchoolParams } from "./incident-params.js";
import { findIncidents, getIncident, incidentParts } from "./incident.repository.js";
import { viewerOf } from "./incident-visibility.js";
import { nameViewer } from "./name-viewer.js";
import { recordIncident } from "./record-incident.js";
import { reportConcern } from "./report-concern.js";
import { updateIncident } from "./update-incident.js";

/** Registers the incident log routes. */
export function registerIncidentRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;

  app.get(incidentsBase, access.to("incidents.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const filter = parseInput(IncidentListQuerySchema, request.query, "The filter");
    authorize(request.context.principal, "incidents.read", { schoolId });
    const rows = await findIncidents(
      database.db,
      scopeOf([schoolId]),
      viewerOf(request.context.principal),
      filter,
    );
    return { incidents: rows.map(publicIncident) };
  });

  app.post(incidentsBase, access.to("incidents.manage"), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const input = parseInput(IncidentCreateSchema, request.body, "The incident");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    const row = await inTransaction(database, request.context, (ctx) =>
      recordIncident(ctx, schoolId, input, "recorded"),
    );
    return reply.status(201).send({ id: row.id });
  });

  app.post("/api/v1/schools/:schoolId/concerns", access.to("concerns.report"), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const input = parseInput(ConcernReportSchema, request.body, "The concern");
    authorize(request.context.principal, "concerns.report", { schoolId });
    const row = await inTransaction(database, request.context, (ctx) => reportConcern(ctx, schoolId, input));
    return reply
      .status(201)
      .send({ id: row.id, message: "Thank you: the safeguarding lead has your concern." });
  });

  app.post(`${incidentsBase}/from-alerts`, access.to("incidents.manage"), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const input = parseInput(RaiseFromAlertsSchema, request.body, "The request");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    const store = await evidenceStoreOf(services);
    const row = await inTransaction(database, request.context, (ctx) =>
      raiseAlertsToIncident(ctx, store, scopeOf([schoolId]), schoolId, input),
    );
    return reply.status(201).send({ id: row.id });
  });

  app.get(`${incidentsBase}/:incidentId`, access.to("incidents.read"), async (request) => {
    const { schoolId, incidentId } = parseInput(IncidentParams, request.params, "The address");
    authorize(request.context.principal, "incidents.read", { schoolId });
    return inTransaction(database, request.context, async (ctx) => {
      const incident = await getIncident(
        ctx.trx,
        scopeOf([schoolId]),
        viewerOf(request.context.principal),
        incidentId,
      );
      const parts = await incidentParts(ctx.trx, incident.id);
      // Reads of restricted data are audited.
      await appendAudit(ctx, {
        event: "incident.viewed",
        schoolId,
        subject: { type: "incident", id: incident.id },
      });
      return { incident: publicIncident(incident), ...parts };
    });
  });

  app.patch(`${incidentsBase}/:incidentId`, access.to("incidents.manage"), async (request) => {
    const { schoolId, incidentId } = parseInput(IncidentParams, request.params, "The address");
    const update = parseInput(IncidentUpdateSchema, request.body, "The change");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    const changed = await inTransaction(database, request.context, (ctx) =>
      updateIncident(ctx, scopeOf([schoolId]), viewerOf(request.context.principal), incidentId, update),
    );
    return { id: incidentId, changed };
  });

  app.post(`${incidentsBase}/:incidentId/timeline`, access.to("incidents.manage"), async (request, reply) => {
    const { schoolId, incidentId } = parseInput(IncidentParams, request.params, "The address");
    const input = parseInput(TimelineEntryCreateSchema, request.body, "The entry");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    const entry = await inTransaction(database, request.context, async (ctx) => {
      const incident = await getIncident(
        ctx.trx,
        scopeOf([schoolId]),
        viewerOf(request.context.principal),
        incidentId,
      );
      return appendTimelineEntry(ctx, incident, input);
    });
    return reply.status(201).send({ id: entry.id, kind: entry.kind });
  });

  app.post(`${incidentsBase}/:incidentId/close`, access.to("incidents.close"), async (request) => {
    const { schoolId, incidentId } = parseInput(IncidentParams, request.params, "The address");
    const { outcome } = parseInput(IncidentCloseSchema, request.body, "The request");
    authorize(request.context.principal, "incidents.close", { schoolId });
    const closed = await inTransaction(database, request.context, (ctx) =>
      closeIncident(ctx, scopeOf([schoolId]), viewerOf(request.context.principal), incidentId, outcome),
    );
    return { id: closed.id, status: closed.status, closedAt: closed.closed_at, closedBy: closed.closed_by };
  });

  app.post(
    `${incidentsBase}/:incidentId/viewers`,
    access.to("incidents.grant-access"),
    async (request, reply) => {
      const { schoolId, incidentId } = parseInput(IncidentParams, request.params, "The address");
      const { userId } = parseInput(NameViewerSchema, request.body, "The request");
      authorize(request.context.principal, "incidents.grant-access", { schoolId });
      await inTransaction(database, request.context, (ctx) =>
        nameViewer(ctx, scopeOf([schoolId]), viewerOf(request.context.principal), incidentId, userId),
      );
      return reply.status(201).send({ incidentId, userId });
    },
  );
}
