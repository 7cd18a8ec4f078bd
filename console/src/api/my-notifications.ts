/** What needs the signed-in person now in one school (the bell in the header). */
import type { NotificationsResponse } from "../../../src/contracts/console.contract.js";
import { http } from "./client.js";

export const myNotificationsApi = {
  get: (schoolId: string) => http.get<NotificationsResponse>("/api/v1/me/notifications", { schoolId }),
};
