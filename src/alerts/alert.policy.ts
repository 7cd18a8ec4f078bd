/**
 * What a principal may do with an alert: the one place that answers it, for routes (refusals),
 * bulk actions (which ids the actor may touch) and the console (which buttons to show).
 */
import type { AlertStatus } from "../contracts/alert.contract.js";
import { can } from "../platform/authz/authorize.js";
import type { Principal } from "../platform/authz/principal.js";
import { triageStatuses } from "./alert-transitions.js";

export interface AlertAbilities {
  transitions: AlertStatus[];
  assign: boolean;
  suppress: boolean;
}

/** The caller's abilities on one alert. */
export function alertAbilities(
  principal: Principal,
  alert: { school_id: string; status: AlertStatus },
): AlertAbilities {
  const mayAct = can(principal, "alerts.act", { schoolId: alert.school_id });
  return {
    transitions: mayAct ? triageStatuses(alert.status) : [],
    assign: mayAct && alert.status !== "incident",
    suppress: mayAct,
  };
}

/** Splits alerts into those the caller may act on and those it may not. */
export function partitionByPolicy<T extends { school_id: string }>(
  principal: Principal,
  alerts: readonly T[],
): { allowed: T[]; refused: T[] } {
  const allowed: T[] = [];
  const refused: T[] = [];
  for (const alert of alerts) {
    (can(principal, "alerts.act", { schoolId: alert.school_id }) ? allowed : refused).push(alert);
  }
  return { allowed, refused };
}
