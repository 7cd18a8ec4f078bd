/**
 * The directory over HTTP: import a OneRoster bundle or a simple CSV (JSON with the CSV texts,
 * which the console reads from the chosen files), list and open pupils, list and open devices.
 * Pupil data is restricted: reads need a second factor and each one is audited. The paths sit
 * under /directory because /pupils/:name is the console's monitoring page of a pupil.
 */
import type { FastifyInstance } from "fastify";
import {
  DeviceParamsSchema,
  DirectoryImportRequestSchema,
  DirectorySchoolParamsSchema,
  PupilListQuerySchema,
  PupilParamsSchema,
} from "../contracts/directory.contract.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import { authorize } from "../platform/authz/authorize.js";
import { access } from "../platform/authz/route-access.js";
import { inTransaction } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import type { AppServices } from "../platform/http/app-services.js";
import { parseInput } from "../platform/http/parse-input.js";
import { scopeOf } from "../schools/school-scope.js";
import { findDevice, findDevices } from "./device.repository.js";
import { findPupil, findPupils } from "./pupil.repository.js";
import { readImportFiles } from "./read-import-files.js";
import { runDirectoryImport } from "./run-directory-import.js";

const base = "/api/v1/schools/:schoolId/directory";

/** Registers the directory routes. */
export function registerDirectoryRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;

  app.post(`${base}/import`, access.to("directory.write"), async (request) => {
    const { schoolId } = parseInput(DirectorySchoolParamsSchema, request.params, "The address");
    const input = parseInput(DirectoryImportRequestSchema, request.body, "The import");
    authorize(request.context.principal, "directory.write", { schoolId });
    const snapshot = readImportFiles(input.format, input.files);
    return runDirectoryImport(database, request.context, schoolId, snapshot, {
      dryRun: input.dryRun,
      orgSourcedId: input.orgSourcedId,
    });
  });

  app.get(`${base}/pupils`, access.to("directory.read"), async (request) => {
    const { schoolId } = parseInput(DirectorySchoolParamsSchema, request.params, "The address");
    const query = parseInput(PupilListQuerySchema, request.query, "The query");
    authorize(request.context.principal, "directory.read", { schoolId });
    return inTransaction(database, request.context, async (ctx) => {
      const page = await findPupils(ctx.trx, scopeOf([schoolId]), schoolId, query);
      // What was asked and how many were shown; never the pupils' names.
      await appendAudit(ctx, {
        event: "directory.viewed",
        schoolId,
        subject: { type: "pupil-list", id: schoolId },
        data: {
          search: query.q ?? null,
          yearGroup: query.yearGroup ?? null,
          form: query.form ?? null,
          status: query.status,
          shown: page.pupils.length,
        },
      });
      return page;
    });
  });

  app.get(`${base}/pupils/:pupilId`, access.to("directory.read"), async (request) => {
    const { schoolId, pupilId } = parseInput(PupilParamsSchema, request.params, "The address");
    authorize(request.context.principal, "directory.read", { schoolId });
    return inTransaction(database, request.context, async (ctx) => {
      const pupil = await findPupil(ctx.trx, scopeOf([schoolId]), schoolId, pupilId);
      if (!pupil) throw new AppError("not_found", "There is no such pupil in this school's directory.");
      await appendAudit(ctx, {
        event: "directory.viewed",
        schoolId,
        subject: { type: "pupil", id: pupilId },
      });
      return { pupil };
    });
  });

  app.get(`${base}/devices`, access.to("directory.read"), async (request) => {
    const { schoolId } = parseInput(DirectorySchoolParamsSchema, request.params, "The address");
    authorize(request.context.principal, "directory.read", { schoolId });
    return inTransaction(database, request.context, async (ctx) => {
      const devices = await findDevices(ctx.trx, scopeOf([schoolId]), schoolId);
      await appendAudit(ctx, {
        event: "directory.viewed",
        schoolId,
        subject: { type: "device-list", id: schoolId },
        data: { shown: devices.length },
      });
      return { devices };
    });
  });

  app.get(`${base}/devices/:deviceId`, access.to("directory.read"), async (request) => {
    const { schoolId, deviceId } = parseInput(DeviceParamsSchema, request.params, "The address");
    authorize(request.context.principal, "directory.read", { schoolId });
    return inTransaction(database, request.context, async (ctx) => {
      const device = await findDevice(ctx.trx, scopeOf([schoolId]), schoolId, deviceId);
      if (!device) throw new AppError("not_found", "There is no such device in this school's directory.");
      await appendAudit(ctx, {
        event: "directory.viewed",
        schoolId,
        subject: { type: "device", id: deviceId },
      });
      return { device };
    });
  });
}
