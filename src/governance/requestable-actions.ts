/**
 * What may be asked for beyond a role. Never the powers that manage access itself (accounts,
 * tokens, approving or reviewing access): those come with a role, given by an administrator.
 */
import type { Action } from "../platform/authz/actions.js";

export const requestableActions = [
  "alerts.read",
  "incidents.read",
  "browsing.read",
  "audit.read",
  "detection.read",
  "reports.read-anonymised",
] as const satisfies readonly Action[];

export type RequestableAction = (typeof requestableActions)[number];

/** The longest a grant may last: about a school term, after which it is asked for again. */
export const maxGrantDays = 90;
