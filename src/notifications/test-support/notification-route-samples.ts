/** A valid request for each notification route, for the route matrix (src/platform/authz/route-matrix.test.ts). */
import type { InjectOptions } from "fastify";
import type { VigilDatabase } from "../../db/open-database.js";
import { buildContact, buildPolicy, buildRoutedAlert } from "./notification-builders.js";

type Sample = (database: VigilDatabase, schoolId: string) => Promise<InjectOptions>;
const contacts = (schoolId: string) => `/api/v1/schools/${schoolId}/notification-contacts`;
const policies = (schoolId: string) => `/api/v1/schools/${schoolId}/notification-policies`;
const contact = { name: "Sam", email: "sam@oak.example" };

export const notificationRouteSamples: Record<string, Sample> = {
  "GET /api/v1/schools/:schoolId/notification-contacts": (_db, schoolId) =>
    Promise.resolve({ url: contacts(schoolId) }),
  "POST /api/v1/schools/:schoolId/notification-contacts": (_db, schoolId) =>
    Promise.resolve({ method: "POST", url: contacts(schoolId), payload: contact }),
  "PUT /api/v1/schools/:schoolId/notification-contacts/:contactId": async (db, schoolId) => ({
    method: "PUT",
    url: `${contacts(schoolId)}/${(await buildContact(db, schoolId, contact)).id}`,
    payload: { ...contact, name: "Sam Lee" },
  }),
  "DELETE /api/v1/schools/:schoolId/notification-contacts/:contactId": async (db, schoolId) => ({
    method: "DELETE",
    url: `${contacts(schoolId)}/${(await buildContact(db, schoolId, contact)).id}`,
  }),
  "GET /api/v1/schools/:schoolId/notification-policies": (_db, schoolId) =>
    Promise.resolve({ url: policies(schoolId) }),
  "POST /api/v1/schools/:schoolId/notification-policies": async (db, schoolId) => ({
    method: "POST",
    url: policies(schoolId),
    payload: { name: "p", minSeverity: 3, chain: [(await buildContact(db, schoolId, contact)).id] },
  }),
  "POST /api/v1/schools/:schoolId/notification-policies/defaults": async (db, schoolId) => ({
    method: "POST",
    url: `${policies(schoolId)}/defaults`,
    payload: { dsl: (await buildContact(db, schoolId, contact)).id },
  }),
  "PUT /api/v1/schools/:schoolId/notification-policies/:policyId": async (db, schoolId) => {
    const chain = [(await buildContact(db, schoolId, contact)).id];
    const id = await buildPolicy(db, schoolId, { name: "p", minSeverity: 3, chain });
    return {
      method: "PUT",
      url: `${policies(schoolId)}/${id}`,
      payload: { name: "p2", minSeverity: 4, chain },
    };
  },
  "DELETE /api/v1/schools/:schoolId/notification-policies/:policyId": async (db, schoolId) => {
    const chain = [(await buildContact(db, schoolId, contact)).id];
    const id = await buildPolicy(db, schoolId, { name: "p", minSeverity: 3, chain });
    return { method: "DELETE", url: `${policies(schoolId)}/${id}` };
  },
  "GET /api/v1/schools/:schoolId/notification-deliveries": (_db, schoolId) =>
    Promise.resolve({ url: `/api/v1/schools/${schoolId}/notification-deliveries` }),
  "GET /api/v1/alerts/:alertId/notifications": async (db, schoolId) => ({
    url: `/api/v1/alerts/${await buildRoutedAlert(db, schoolId)}/notifications`,
  }),
};
