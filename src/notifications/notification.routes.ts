/**
 * A school's notification settings over HTTP: contacts, routing and escalation policies (with the
 * default templates), and the delivery log with each message's status, attempts and last error.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ContactInputSchema, PolicyInputSchema } from "../contracts/notification.contract.js";
import { authorize } from "../platform/authz/authorize.js";
import { access } from "../platform/authz/route-access.js";
import { inTransaction } from "../platform/context/write-context.js";
import type { AppServices } from "../platform/http/app-services.js";
import { parseInput } from "../platform/http/parse-input.js";
import { scopeOf } from "../schools/school-scope.js";
import { findContacts, presentContact } from "./contact.repository.js";
import { defaultPolicyTemplates } from "./default-policies.js";
import { findDeliveries } from "./delivery.repository.js";
import { findPolicies, presentPolicy } from "./policy.repository.js";
import { removeContact, saveContact } from "./save-contact.js";
import { removePolicy, savePolicy } from "./save-policy.js";

const base = "/api/v1/schools/:schoolId";
const manage = "notifications.manage";
const SchoolParams = z.object({ schoolId: z.uuid({ error: "The school id must be a UUID" }) });
const ContactParams = SchoolParams.extend({ contactId: z.uuid({ error: "The contact id must be a UUID" }) });
const PolicyParams = SchoolParams.extend({ policyId: z.uuid({ error: "The policy id must be a UUID" }) });
const TemplateBody = z.object({
  dsl: z.uuid({ error: "dsl must be the designated safeguarding lead's contact id" }),
  deputy: z.uuid({ error: "deputy must be a contact id" }).optional(),
  networkManager: z.uuid({ error: "networkManager must be a contact id" }).optional(),
  head: z.uuid({ error: "head must be the head teacher's contact id" }).optional(),
});
const DeliveryQuery = z.object({
  status: z.enum(["pending", "retrying", "sent", "grouped", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Registers the notification settings routes. */
export function registerNotificationRoutes(app: FastifyInstance, services: AppServices): void {
  const { database } = services;

  app.get(`${base}/notification-contacts`, access.to(manage), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    authorize(request.context.principal, manage, { schoolId });
    const rows = await findContacts(database.db, scopeOf([schoolId]));
    return { contacts: rows.map(presentContact) };
  });

  app.post(`${base}/notification-contacts`, access.to(manage), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const input = parseInput(ContactInputSchema, request.body, "The contact");
    authorize(request.context.principal, manage, { schoolId });
    const saved = await inTransaction(database, request.context, (ctx) => saveContact(ctx, schoolId, input));
    return reply.status(201).send(saved);
  });

  app.put(`${base}/notification-contacts/:contactId`, access.to(manage), async (request) => {
    const { schoolId, contactId } = parseInput(ContactParams, request.params, "The address");
    const input = parseInput(ContactInputSchema, request.body, "The contact");
    authorize(request.context.principal, manage, { schoolId });
    return inTransaction(database, request.context, (ctx) => saveContact(ctx, schoolId, input, contactId));
  });

  app.delete(`${base}/notification-contacts/:contactId`, access.to(manage), async (request) => {
    const { schoolId, contactId } = parseInput(ContactParams, request.params, "The address");
    authorize(request.context.principal, manage, { schoolId });
    await inTransaction(database, request.context, (ctx) => removeContact(ctx, schoolId, contactId));
    return { id: contactId, removed: true };
  });

  app.get(`${base}/notification-policies`, access.to(manage), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    authorize(request.context.principal, manage, { schoolId });
    const rows = await findPolicies(database.db, scopeOf([schoolId]));
    return { policies: rows.map(presentPolicy) };
  });

  app.post(`${base}/notification-policies`, access.to(manage), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const input = parseInput(PolicyInputSchema, request.body, "The policy");
    authorize(request.context.principal, manage, { schoolId });
    const id = await inTransaction(database, request.context, (ctx) => savePolicy(ctx, schoolId, input));
    return reply.status(201).send({ id });
  });

  app.post(`${base}/notification-policies/defaults`, access.to(manage), async (request, reply) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const contacts = parseInput(TemplateBody, request.body, "The request");
    authorize(request.context.principal, manage, { schoolId });
    const ids = await inTransaction(database, request.context, async (ctx) => {
      const made: string[] = [];
      for (const template of defaultPolicyTemplates(contacts))
        made.push(await savePolicy(ctx, schoolId, template));
      return made;
    });
    return reply.status(201).send({ ids });
  });

  app.put(`${base}/notification-policies/:policyId`, access.to(manage), async (request) => {
    const { schoolId, policyId } = parseInput(PolicyParams, request.params, "The address");
    const input = parseInput(PolicyInputSchema, request.body, "The policy");
    authorize(request.context.principal, manage, { schoolId });
    const id = await inTransaction(database, request.context, (ctx) =>
      savePolicy(ctx, schoolId, input, policyId),
    );
    return { id };
  });

  app.delete(`${base}/notification-policies/:policyId`, access.to(manage), async (request) => {
    const { schoolId, policyId } = parseInput(PolicyParams, request.params, "The address");
    authorize(request.context.principal, manage, { schoolId });
    await inTransaction(database, request.context, (ctx) => removePolicy(ctx, schoolId, policyId));
    return { id: policyId, removed: true };
  });

  app.get(`${base}/notification-deliveries`, access.to(manage), async (request) => {
    const { schoolId } = parseInput(SchoolParams, request.params, "The address");
    const query = parseInput(DeliveryQuery, request.query, "The query");
    authorize(request.context.principal, manage, { schoolId });
    return { deliveries: await findDeliveries(database.db, scopeOf([schoolId]), query) };
  });
}
