/**
 * Each rule's precision from triage outcomes: confirmed / (confirmed + false positives), where
 * confirmed means the alert was kept in review, closed with no action, or raised to an incident,
 * and a false positive is a dismissal. Alerts not yet decided (`new`) do not count either way.
 */
import { sql, type Kysely } from "kysely";
import type { RulePrecision } from "../contracts/alert.contract.js";
import type { Database } from "../db/schema.js";
import { schoolInScope, type SchoolScope } from "../schools/school-scope.js";

export const precisionDefinition =
  "precision = confirmed / (confirmed + false positives); confirmed = in review, closed with no action or raised to an incident; alerts still new are not counted";

/** Rules that fired in `schoolId`, lowest precision first, and the noisiest (most false positives). */
export async function rulePrecision(
  db: Kysely<Database>,
  scope: SchoolScope,
  schoolId: string,
  noisiestCount = 10,
): Promise<RulePrecision> {
  const rows = await db
    .selectFrom("alert_rule_outcomes")
    .select([
      "rule_id",
      sql<number | string>`sum(case when outcome = 'confirmed' then 1 else 0 end)`.as("confirmed"),
      sql<number | string>`sum(case when outcome = 'false-positive' then 1 else 0 end)`.as("false_positives"),
    ])
    .where("school_id", "=", schoolId)
    .where((eb) => schoolInScope(eb, "school_id", scope))
    .groupBy("rule_id")
    .execute();
  const rules = rows.map((row) => {
    const confirmed = Number(row.confirmed);
    const falsePositives = Number(row.false_positives);
    const decided = confirmed + falsePositives;
    return {
      ruleId: row.rule_id,
      confirmed,
      falsePositives,
      precision: decided === 0 ? null : Math.round((confirmed / decided) * 1000) / 1000,
    };
  });
  rules.sort((a, b) => (a.precision ?? 1) - (b.precision ?? 1) || b.falsePositives - a.falsePositives);
  const noisiest = rules
    .filter((rule) => rule.falsePositives > 0)
    .sort((a, b) => b.falsePositives - a.falsePositives || (a.precision ?? 1) - (b.precision ?? 1))
    .slice(0, noisiestCount)
    .map((rule) => ({
      ruleId: rule.ruleId,
      falsePositives: rule.falsePositives,
      precision: rule.precision ?? 0,
    }));
  return { definition: precisionDefinition, rules, noisiest };
}
