/** Plain words for access: what an action lets someone do, a request's status, a review flag. */
import { actionDescriptions, isAction } from "../../../../src/platform/authz/actions.js";
import type { ReviewFlag } from "../../../../src/contracts/access-governance.contract.js";
import type { AccessRequestStatus } from "../../api/access.js";

/** "See pupils' browsing records" for `browsing.read`; an unknown action is shown as it is. */
export function actionLabel(action: string): string {
  if (!isAction(action)) return action;
  const words = actionDescriptions[action];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const statusLabels: Record<AccessRequestStatus, string> = {
  pending: "Waiting for a decision",
  approved: "Approved",
  refused: "Refused",
  withdrawn: "Withdrawn",
};

export const flagLabels: Record<ReviewFlag, string> = {
  "never-signed-in": "never signed in",
  "not-signed-in-this-term": "not signed in this term",
  "disabled-but-holds-roles": "disabled but still holds roles",
  "expired-but-holds-roles": "account expired but still holds roles",
  "access-beyond-role": "has access beyond their role",
  "restricted-without-two-factor": "can see pupil data without two-factor",
};

/** The ISO instant for the end of a `yyyy-mm-dd` day in the browser's time zone, or "" when empty. */
export function endOfDay(day: string): string {
  if (day === "") return "";
  const date = new Date(`${day}T23:59:59`);
  return Number.isNaN(date.getTime()) ? day : date.toISOString();
}

/** "5 Mar 2026" for an ISO instant. */
export function formatDate(iso: string | null): string {
  return iso ? dateFormat.format(new Date(iso)) : "never";
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });
