/**
 * Which status changes triage allows. An alert waiting for a decision can be taken into review or
 * closed either way; a closed alert can be reopened into review (a second look, with the history
 * kept); an alert raised to an incident belongs to the incident log and is not triaged again.
 */
import type { AlertStatus } from "../contracts/alert.contract.js";

const allowed: Readonly<Record<AlertStatus, readonly AlertStatus[]>> = {
  new: ["in-review", "false-positive", "no-action", "incident"],
  "in-review": ["false-positive", "no-action", "incident"],
  "false-positive": ["in-review"],
  "no-action": ["in-review"],
  incident: [],
};

/** Statuses an alert in `from` may move to (including `incident`, which only the incident log sets). */
export function nextStatuses(from: AlertStatus): readonly AlertStatus[] {
  return allowed[from];
}

/** Statuses triage itself may set from `from` (`incident` is set by raising an incident). */
export function triageStatuses(from: AlertStatus): AlertStatus[] {
  return allowed[from].filter((status) => status !== "incident");
}

/** Why `from → to` is refused by triage, or null when it is allowed. */
export function transitionRefusal(from: AlertStatus, to: AlertStatus): string | null {
  if (from === to) return `The alert is already ${to}.`;
  if (to === "incident")
    return "Raise the alert to an incident from the incident log; triage does not set that status.";
  if (from === "incident") return "The alert was raised to an incident; its incident now holds the decision.";
  if (to === "new") return "An alert cannot go back to new; reopen it as in-review instead.";
  if (!allowed[from].includes(to)) return `An alert that is ${from} can only be reopened as in-review.`;
  return null;
}

/** The outcome a status records against each rule that fired, for precision; null while undecided. */
export function ruleOutcomeOf(status: AlertStatus): "confirmed" | "false-positive" | null {
  if (status === "false-positive") return "false-positive";
  if (status === "new") return null;
  return "confirmed";
}
