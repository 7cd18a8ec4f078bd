/**
 * Actions and outcomes over HTTP: record and complete actions, the parents' letter (PDF), the case
 * bundle export, the school's incident types and settings, what is due, and monitoring holds.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  IncidentActionCreateSchema,
  IncidentSettingsSchema,
  IncidentTypeCreateSchema,
  ParentLetterSchema,
} from "../contracts/incident.contract.js";
import {
  MonitoringHoldListQuerySchema,
  MonitoringHoldReleaseSchema,
} from "../contracts/monitoring-hold.contract.js";
import { findMonitoringHolds, releaseMonitoringHold } from "../evidence/monitoring-holds.js";
import { sha256Hex } from "../evidence/evidence-store.js";
import { authorize } from "../platform/authz/authorize.js";
import { access } from "../platform/authz/route-access.js";
import { inTransaction } from "../platform/context/write-context.js";
import type { AppServices } from "../platform/http/app-services.js";
import { parseInput } from "../platform/http/parse-input.js";
import { scopeOf } from "../schools/school-scope.js";
import { addIncidentType, listIncidentTypes } from "./add-incident-type.js";
import { findDueActions } from "./due-actions.js";
import { exportCaseBundle } from "./export-case-bundle.js";
import {
  ActionParams,
  evidenceStoreOf,
  IncidentParams,
  incidentsBase,
  ReasonBody,
  SchoolParams,
} from "./incident-params.js";
import { getIncident } from "./incident.repository.js";
import { changeIncidentSettings, readIncidentSettings } from "./incident-settings.js";
import { viewerOf } from "./incident-visibility.js";
import { produceParentLetter } from "./produce-parent-letter.js";
import { completeAction, recordAction } from "./record-action.js";
import { assertOpen } from "./update-incident.js";

const CompleteBody = z.object({ note: z.string().trim().max(2_000).default("") });
const HoldParams = SchoolParams.extend({ holdId: z.uuid({ error: "The hold id must be a UUID" }) });

/** Registers the routes. */
export function registerIncidentActionRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;
  const schoolBase = "/api/v1/schools/:schoolId";

  app.post(`${incidentsBase}/:incidentId/actions`, access.to("incidents.manage"), async (request, reply) => {
    const { schoolId, incidentId } = parseInput(IncidentParams, request.params, "The address");
    const input = parseInput(IncidentActionCreateSchema, request.body, "The action");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    const row = await inTransaction(database, request.context, async (ctx) => {
      const incident = await getIncident(
        ctx.trx,
        scopeOf([schoolId]),
        viewerOf(request.context.principal),
        incidentId,
      );
      assertOpen(incident);
      return recordAction(ctx, incident, input);
    });
    return reply.status(201).send({ id: row.id, kind: row.kind });
  });

  app.post(
    `${incidentsBase}/:incidentId/actions/:actionId/complete`,
    access.to("incidents.manage"),
    async (request) => {
      const { schoolId, incidentId, actionId } = parseInput(ActionParams, request.params, "The address");
      const { note } = parseInput(CompleteBody, request.body ?? {}, "The request");
      authorize(request.context.principal, "incidents.manage", { schoolId });
      const done = await inTransaction(database, request.context, async (ctx) => {
        const incident = await getIncident(
          ctx.trx,
          scopeOf([schoolId]),
          viewerOf(request.context.principal),
          incidentId,
        );
        return completeAction(ctx, incident, actionId, note);
      });
      return { id: done.id, completedAt: done.completed_at };
    },
  );

  app.post(`${incidentsBase}/:incidentId/letter`, access.to("incidents.manage"), async (request, reply) => {
    const { schoolId, incidentId } = parseInput(IncidentParams, request.params, "The address");
    const input = parseInput(ParentLetterSchema, request.body, "The letter");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    const letter = await inTransaction(database, request.context, (ctx) =>
      produceParentLetter(ctx, scopeOf([schoolId]), viewerOf(request.context.principal), incidentId, input),
    );
    if (input.format === "text") return { text: letter.text };
    return reply
      .header("content-type", "application/pdf")
      .header("content-disposition", `attachment; filename="letter-${incidentId}.pdf"`)
      .header("x-letter-sha256", sha256Hex(Buffer.from(letter.pdf)))
      .send(Buffer.from(letter.pdf));
  });

  app.post(`${incidentsBase}/:incidentId/export`, access.to("incidents.manage"), async (request, reply) => {
    const { schoolId, incidentId } = parseInput(IncidentParams, request.params, "The address");
    const { reason } = parseInput(ReasonBody, request.body, "The request");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    const store = await evidenceStoreOf(services);
    const bundle = await inTransaction(database, request.context, (ctx) =>
      exportCaseBundle(
        ctx,
        store,
        scopeOf([schoolId]),
        viewerOf(request.context.principal),
        incidentId,
        reason,
      ),
    );
    return reply
      .header("content-type", "application/x-tar")
      .header("content-disposition", `attachment; filename="${bundle.fileName}"`)
      .header("x-bundle-sha256", bundle.sha256)
      .send(bundle.tar);
  });

  app.get(`${schoolBase}/incident-types`, access.to("incidents.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    authorize(request.context.principal, "incidents.read", { schoolId });
    return { types: await listIncidentTypes(database.db, schoolId) };
  });

  app.post(`${schoolBase}/incident-types`, access.to("incidents.manage"), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const { label } = parseInput(IncidentTypeCreateSchema, request.body, "The type");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    const id = await inTransaction(database, request.context, (ctx) => addIncidentType(ctx, schoolId, label));
    return reply.status(201).send({ id, label });
  });

  app.get(`${schoolBase}/incident-settings`, access.to("incidents.manage"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    return readIncidentSettings(database.db, schoolId);
  });

  app.put(`${schoolBase}/incident-settings`, access.to("incidents.manage"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const change = parseInput(IncidentSettingsSchema, request.body, "The settings");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    return inTransaction(database, request.context, (ctx) => changeIncidentSettings(ctx, schoolId, change));
  });

  app.get(`${schoolBase}/incident-actions/due`, access.to("incidents.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    authorize(request.context.principal, "incidents.read", { schoolId });
    return {
      due: await findDueActions(database.db, scopeOf([schoolId]), viewerOf(request.context.principal)),
    };
  });

  app.get(`${schoolBase}/monitoring-holds`, access.to("incidents.read"), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const query = parseInput(MonitoringHoldListQuerySchema, request.query, "The query");
    authorize(request.context.principal, "incidents.read", { schoolId });
    return {
      holds: await findMonitoringHolds(database.db, schoolId, viewerOf(request.context.principal), {
        includeReleased: query.include === "released",
        incidentId: query.incidentId,
      }),
    };
  });

  // Releasing ends the protection of a child's records for a police investigation, and retention
  // then purges them: a decision on the case, so it needs `incidents.manage` (the safeguarding
  // leads who record the referral and its outcome), not `incidents.read`, which the head and
  // every reader of the log hold. Visibility still applies inside the command.
  app.post(
    `${schoolBase}/monitoring-holds/:holdId/release`,
    access.to("incidents.manage"),
    async (request) => {
      const { schoolId, holdId } = parseInput(HoldParams, request.params, "The address");
      const { reason } = parseInput(MonitoringHoldReleaseSchema, request.body, "The release");
      authorize(request.context.principal, "incidents.manage", { schoolId });
      const hold = await inTransaction(database, request.context, (ctx) =>
        releaseMonitoringHold(ctx, viewerOf(request.context.principal), { schoolId, holdId, reason }),
      );
      return { hold };
    },
  );
}
