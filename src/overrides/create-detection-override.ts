/**
 * Adds a school override, audited in the same transaction. A suppression must name a rule that
 * exists (in the shipped library or the school's own terms), so a typo cannot silence nothing.
 */
import { randomUUID } from "node:crypto";
import type { DetectionOverrideCreate } from "../contracts/detection-override.contract.js";
import type { Library } from "../detection/index.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { AppError } from "../platform/errors/app-error.js";
import { localRulePrefix } from "../detection/overrides/with-school-overrides.js";

/** Stores the override for `schoolId`; returns its id. */
export async function createDetectionOverride(
  ctx: WriteContext,
  schoolId: string,
  input: DetectionOverrideCreate,
  library: Library,
): Promise<string> {
  if (input.kind === "suppression" && !input.ruleId.startsWith(localRulePrefix)) {
    if (!library.rules.some((rule) => rule.id === input.ruleId)) {
      throw new AppError("validation_failed", `There is no rule ${input.ruleId} in the phrase library.`, {
        fields: [{ path: "ruleId", message: "no such rule" }],
        hint: "Copy the rule id from the alert's explanation or from `vigil scan` output.",
      });
    }
  }
  const id = randomUUID();
  await ctx.trx
    .insertInto("detection_overrides")
    .values({
      id,
      school_id: schoolId,
      kind: input.kind,
      phrase: input.kind === "suppression" ? null : input.phrase,
      category: input.kind === "local-term" ? input.category : null,
      weight: input.kind === "local-term" ? input.weight : null,
      severity: input.kind === "local-term" ? input.severity : null,
      rule_id: input.kind === "suppression" ? input.ruleId : null,
      site: input.kind === "suppression" ? (input.site ?? null) : null,
      user_name: input.kind === "suppression" ? (input.user ?? null) : null,
      reason: input.reason,
      created_by: ctx.actor.label,
      created_at: new Date().toISOString(),
      expires_at: input.expiresAt ?? null,
      revoked_at: null,
      revoked_by: null,
    })
    .execute();
  await appendAudit(ctx, {
    event: "detection-override.created",
    schoolId,
    subject: { type: "detection-override", id },
    data: { ...input },
  });
  return id;
}
