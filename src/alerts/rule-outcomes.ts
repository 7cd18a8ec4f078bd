/**
 * The feedback loop's record: for each alert, the latest decision about it, against every rule
 * that fired. One row per (alert, rule), replaced when the alert is reopened and decided again,
 * so a rule's precision counts each alert once, by its current outcome.
 */
import type { AlertStatus } from "../contracts/alert.contract.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { actorId } from "../platform/context/actor.js";
import { ruleOutcomeOf } from "./alert-transitions.js";

/** Records (or replaces) the outcome of `alert` for each of its rules, given its new status. */
export async function recordRuleOutcomes(
  ctx: WriteContext,
  alert: { id: string; school_id: string; rule_ids: string },
  status: AlertStatus,
): Promise<void> {
  const outcome = ruleOutcomeOf(status);
  const ruleIds = JSON.parse(alert.rule_ids) as string[];
  if (outcome === null || ruleIds.length === 0) return;
  const now = new Date().toISOString();
  await ctx.trx
    .insertInto("alert_rule_outcomes")
    .values(
      ruleIds.map((ruleId) => ({
        alert_id: alert.id,
        rule_id: ruleId,
        school_id: alert.school_id,
        outcome,
        decided_at: now,
        decided_by: actorId(ctx.actor),
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(["alert_id", "rule_id"]).doUpdateSet({
        outcome,
        decided_at: now,
        decided_by: actorId(ctx.actor),
      }),
    )
    .execute();
}
