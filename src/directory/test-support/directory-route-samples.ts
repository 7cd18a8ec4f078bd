/** A valid request for each directory route, for the route matrix (src/platform/authz/route-matrix.test.ts). */
import type { InjectOptions } from "fastify";
import type { VigilDatabase } from "../../db/open-database.js";
import { buildDevice, buildPupil } from "./directory-builders.js";
import { simplePupilCsv } from "./oneroster-fixtures.js";

type Sample = (database: VigilDatabase, schoolId: string) => Promise<InjectOptions>;
const base = (schoolId: string) => `/api/v1/schools/${schoolId}/directory`;

export const directoryRouteSamples: Record<string, Sample> = {
  "POST /api/v1/schools/:schoolId/directory/import": (_db, schoolId) =>
    Promise.resolve({
      method: "POST",
      url: `${base(schoolId)}/import`,
      // A dry run: the matrix only asks who may import, and leaves the directory as it was.
      payload: {
        format: "csv",
        dryRun: true,
        files: { "pupils.csv": simplePupilCsv(["mx,Max,Row,7,7M,no,no,,"]) },
      },
    }),
  "GET /api/v1/schools/:schoolId/directory/pupils": (_db, schoolId) =>
    Promise.resolve({ url: `${base(schoolId)}/pupils?status=all` }),
  "GET /api/v1/schools/:schoolId/directory/pupils/:pupilId": async (db, schoolId) => ({
    url: `${base(schoolId)}/pupils/${await buildPupil(db, schoolId)}`,
  }),
  "GET /api/v1/schools/:schoolId/directory/devices": (_db, schoolId) =>
    Promise.resolve({ url: `${base(schoolId)}/devices` }),
  "GET /api/v1/schools/:schoolId/directory/devices/:deviceId": async (db, schoolId) => ({
    url: `${base(schoolId)}/devices/${await buildDevice(db, schoolId)}`,
  }),
};
