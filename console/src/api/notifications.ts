/** Notification settings of one school: contacts, routing and escalation policies, deliveries. */
import type {
  ContactInput,
  ContactView,
  DeliveryView,
  PolicyInput,
  PolicyView,
} from "../../../src/contracts/notification.contract.js";
import { http } from "./client.js";

const school = (schoolId: string) => `/api/v1/schools/${encodeURIComponent(schoolId)}`;

export const notificationsApi = {
  contacts: (schoolId: string) =>
    http.get<{ contacts: ContactView[] }>(`${school(schoolId)}/notification-contacts`),
  addContact: (schoolId: string, input: ContactInput) =>
    http.post<{ id: string; webhookSecret: string | null }>(
      `${school(schoolId)}/notification-contacts`,
      input,
    ),
  removeContact: (schoolId: string, contactId: string) =>
    http.delete<{ id: string }>(`${school(schoolId)}/notification-contacts/${contactId}`),
  policies: (schoolId: string) =>
    http.get<{ policies: PolicyView[] }>(`${school(schoolId)}/notification-policies`),
  addPolicy: (schoolId: string, input: PolicyInput) =>
    http.post<{ id: string }>(`${school(schoolId)}/notification-policies`, input),
  removePolicy: (schoolId: string, policyId: string) =>
    http.delete<{ id: string }>(`${school(schoolId)}/notification-policies/${policyId}`),
  deliveries: (schoolId: string, status?: string) =>
    http.get<{ deliveries: DeliveryView[] }>(`${school(schoolId)}/notification-deliveries`, { status }),
};
