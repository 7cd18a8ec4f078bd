/**
 * Evidence over HTTP: add an item (a URL, text, a screenshot or a file in base64), view it with a
 * reason, approve a view (two-person review), mark it as suspected CSAM. Locked evidence is never served.
 */
import type { FastifyInstance } from "fastify";
import {
  EvidenceApproveSchema,
  EvidenceCreateSchema,
  EvidenceCsamSchema,
  EvidenceViewSchema,
} from "../contracts/evidence.contract.js";
import { getIncident } from "../incidents/incident.repository.js";
import {
  EvidenceParams,
  evidenceStoreOf,
  IncidentParams,
  incidentsBase,
} from "../incidents/incident-params.js";
import { viewerOf } from "../incidents/incident-visibility.js";
import { assertOpen } from "../incidents/update-incident.js";
import { authorize } from "../platform/authz/authorize.js";
import { access } from "../platform/authz/route-access.js";
import { inTransaction } from "../platform/context/write-context.js";
import type { AppServices } from "../platform/http/app-services.js";
import { parseInput } from "../platform/http/parse-input.js";
import { scopeOf } from "../schools/school-scope.js";
import { addEvidence } from "./add-evidence.js";
import { approveEvidence } from "./approve-evidence.js";
import { markSuspectedCsam } from "./mark-csam.js";
import { viewEvidence } from "./view-evidence.js";

/** Registers the evidence routes. */
export function registerEvidenceRoutes(app: FastifyInstance, services: AppServices): void {
  const { database, config } = services;
  const evidenceBase = `${incidentsBase}/:incidentId/evidence`;
  // Base64 is 4/3 of the file, plus the JSON around it.
  const bodyLimit = Math.ceil((config.evidenceMaxBytes * 4) / 3) + 64 * 1024;

  app.post(evidenceBase, { ...access.to("incidents.manage"), bodyLimit }, async (request, reply) => {
    const { schoolId, incidentId } = parseInput(IncidentParams, request.params, "The address");
    const input = parseInput(EvidenceCreateSchema, request.body, "The evidence");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    const store = await evidenceStoreOf(services);
    const row = await inTransaction(database, request.context, async (ctx) => {
      const incident = await getIncident(
        ctx.trx,
        scopeOf([schoolId]),
        viewerOf(request.context.principal),
        incidentId,
      );
      assertOpen(incident);
      return addEvidence(ctx, store, incident, input);
    });
    return reply.status(201).send({ id: row.id, sha256: row.sha256, bytes: row.byte_size });
  });

  app.post(`${evidenceBase}/:evidenceId/view`, access.to("evidence.view"), async (request) => {
    const { schoolId, incidentId, evidenceId } = parseInput(EvidenceParams, request.params, "The address");
    const { reason } = parseInput(EvidenceViewSchema, request.body, "The request");
    authorize(request.context.principal, "evidence.view", { schoolId });
    const store = await evidenceStoreOf(services);
    const shown = await inTransaction(database, request.context, (ctx) =>
      viewEvidence(
        ctx,
        store,
        scopeOf([schoolId]),
        viewerOf(request.context.principal),
        { incidentId, evidenceId },
        reason,
      ),
    );
    return {
      id: shown.id,
      mediaType: shown.mediaType,
      graphic: shown.graphic,
      sha256: shown.sha256,
      contentBase64: shown.content.toString("base64"),
    };
  });

  app.post(`${evidenceBase}/:evidenceId/approve`, access.to("evidence.view"), async (request, reply) => {
    const { schoolId, incidentId, evidenceId } = parseInput(EvidenceParams, request.params, "The address");
    const { reason } = parseInput(EvidenceApproveSchema, request.body, "The request");
    authorize(request.context.principal, "evidence.view", { schoolId });
    await inTransaction(database, request.context, (ctx) =>
      approveEvidence(
        ctx,
        scopeOf([schoolId]),
        viewerOf(request.context.principal),
        { incidentId, evidenceId },
        reason,
      ),
    );
    return reply.status(201).send({ evidenceId, approved: true });
  });

  app.post(`${evidenceBase}/:evidenceId/csam`, access.to("incidents.manage"), async (request) => {
    const { schoolId, incidentId, evidenceId } = parseInput(EvidenceParams, request.params, "The address");
    const details = parseInput(EvidenceCsamSchema, request.body, "The request");
    authorize(request.context.principal, "incidents.manage", { schoolId });
    await inTransaction(database, request.context, (ctx) =>
      markSuspectedCsam(
        ctx,
        scopeOf([schoolId]),
        viewerOf(request.context.principal),
        { incidentId, evidenceId },
        details,
      ),
    );
    return { evidenceId, locked: true, referred: ["police", "iwf"], monitoringHeld: true };
  });
}
