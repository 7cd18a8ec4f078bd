/** A valid request for each alert route, for the route matrix (src/platform/authz/route-matrix.test.ts). */
import { randomUUID } from "node:crypto";
import type { InjectOptions } from "fastify";
import type { VigilDatabase } from "../../db/open-database.js";
import { buildAlert } from "./alert-builders.js";

type Sample = (database: VigilDatabase, schoolId: string) => Promise<InjectOptions>;
const until = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

export const alertRouteSamples: Record<string, Sample> = {
  "GET /api/v1/schools/:schoolId/alerts": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/alerts?status=new` }),
  "GET /api/v1/alerts/:alertId": async (db, schoolId) => ({
    url: `/api/v1/alerts/${await buildAlert(db, schoolId)}`,
  }),
  "POST /api/v1/alerts/:alertId/triage": async (db, schoolId) => ({
    method: "POST",
    url: `/api/v1/alerts/${await buildAlert(db, schoolId)}/triage`,
    payload: { status: "in-review" },
  }),
  "POST /api/v1/alerts/:alertId/assign": async (db, schoolId) => ({
    method: "POST",
    url: `/api/v1/alerts/${await buildAlert(db, schoolId)}/assign`,
    payload: { assigneeId: null },
  }),
  "POST /api/v1/alerts/:alertId/notes": async (db, schoolId) => ({
    method: "POST",
    url: `/api/v1/alerts/${await buildAlert(db, schoolId)}/notes`,
    payload: { note: "spoke to form tutor" },
  }),
  "POST /api/v1/schools/:schoolId/alerts/bulk": async (db, schoolId) => ({
    method: "POST",
    url: `/api/v1/schools/${schoolId}/alerts/bulk`,
    payload: { alertIds: [await buildAlert(db, schoolId)], action: { kind: "triage", status: "in-review" } },
  }),
  "GET /api/v1/schools/:schoolId/rule-precision": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/rule-precision` }),
  "GET /api/v1/schools/:schoolId/alert-suppressions": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/alert-suppressions` }),
  "POST /api/v1/schools/:schoolId/alert-suppressions": (_db, schoolId) =>
    Promise.resolve({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/alert-suppressions`,
      payload: {
        ruleId: "en.violence.shoot",
        scope: "site",
        value: "games.example",
        until: until(),
        reason: "game site",
      },
    }),
  "POST /api/v1/schools/:schoolId/alert-suppressions/:suppressionId/end": async (db, schoolId) => {
    const id = randomUUID();
    await db.db
      .insertInto("alert_suppressions")
      .values({
        id,
        school_id: schoolId,
        rule_id: "en.violence.shoot",
        scope: "school",
        value: null,
        until: until(),
        reason: "sample",
        source_alert_id: null,
        created_by: "test",
        created_at: new Date().toISOString(),
        ended_at: null,
        ended_by: null,
        last_suppressed_at: null,
      })
      .execute();
    return {
      method: "POST",
      url: `/api/v1/schools/${schoolId}/alert-suppressions/${id}/end`,
      payload: { reason: "no longer needed" },
    };
  },
  "POST /api/v1/alerts/:alertId/suppress": async (db, schoolId) => ({
    method: "POST",
    url: `/api/v1/alerts/${await buildAlert(db, schoolId)}/suppress`,
    payload: { scope: "user", until: until(), reason: "pupil's project on this topic" },
  }),
  "POST /api/v1/schools/:schoolId/alerts/what-if": (_db, schoolId) =>
    Promise.resolve({
      method: "POST",
      url: `/api/v1/schools/${schoolId}/alerts/what-if`,
      payload: { change: { kind: "threshold", category: "violence", threshold: 200 }, days: 1 },
    }),
};
