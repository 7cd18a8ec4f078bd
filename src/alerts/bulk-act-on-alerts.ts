/**
 * One triage action on many alerts of a school, reporting per id what happened: done, unchanged
 * (already so), refused (with the reason: the policy, or a transition that is not allowed), or
 * not found. One transaction; a refusal of one id does not stop the others.
 */
import type { AlertBulk, AlertBulkResult } from "../contracts/alert.contract.js";
import type { Principal } from "../platform/authz/principal.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { scopeOf } from "../schools/school-scope.js";
import { transitionRefusal } from "./alert-transitions.js";
import { partitionByPolicy } from "./alert.policy.js";
import { applyAssignment, assigneeRefusal } from "./assign-alert.js";
import { findAlertForUpdate, type LockedAlert } from "./load-alert-for-update.js";
import { applyTriage } from "./triage-alert.js";

type Result = AlertBulkResult["results"][number];

/** Applies `input.action` to each of `input.alertIds` in `schoolId` that the principal may touch. */
export async function bulkActOnAlerts(
  ctx: WriteContext,
  principal: Principal,
  schoolId: string,
  input: AlertBulk,
): Promise<AlertBulkResult> {
  const scope = scopeOf([schoolId]);
  const ids = [...new Set(input.alertIds)];
  const found: LockedAlert[] = [];
  const results = new Map<string, Result>();
  for (const id of ids) {
    const alert = await findAlertForUpdate(ctx, scope, id);
    if (alert) found.push(alert);
    else results.set(id, { id, outcome: "not-found", reason: "No such alert in this school." });
  }
  const { allowed, refused } = partitionByPolicy(principal, found);
  for (const alert of refused) {
    results.set(alert.id, { id: alert.id, outcome: "refused", reason: "You may not act on alerts here." });
  }
  const { action } = input;
  const assigneeProblem =
    action.kind === "assign" && action.assigneeId !== null
      ? await assigneeRefusal(ctx.trx, schoolId, action.assigneeId)
      : null;
  for (const alert of allowed) {
    results.set(alert.id, await actOnOne(ctx, alert, input, assigneeProblem));
  }
  return { results: ids.map((id) => results.get(id) ?? { id, outcome: "not-found", reason: null }) };
}

async function actOnOne(
  ctx: WriteContext,
  alert: LockedAlert,
  { action }: AlertBulk,
  assigneeProblem: string | null,
): Promise<Result> {
  if (action.kind === "triage") {
    if (alert.status === action.status) return { id: alert.id, outcome: "unchanged", reason: null };
    const refused = transitionRefusal(alert.status, action.status);
    if (refused) return { id: alert.id, outcome: "refused", reason: refused };
    await applyTriage(ctx, alert, action.status, action.note ?? null);
    return { id: alert.id, outcome: "done", reason: null };
  }
  if (assigneeProblem) return { id: alert.id, outcome: "refused", reason: assigneeProblem };
  if (alert.status === "incident")
    return { id: alert.id, outcome: "refused", reason: "The alert was raised to an incident." };
  if (alert.assignee_id === action.assigneeId) return { id: alert.id, outcome: "unchanged", reason: null };
  await applyAssignment(ctx, alert, action.assigneeId, null);
  return { id: alert.id, outcome: "done", reason: null };
}
