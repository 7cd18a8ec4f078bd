/** A school's incident settings: two-person review of sensitive evidence, and the parents' letter template. */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";
import { defaultLetterTemplate } from "./parent-letter.js";

export interface IncidentSettings {
  twoPersonReview: boolean;
  letterTemplate: string;
}

/** The school's settings, with defaults when it has not changed them. */
export async function readIncidentSettings(
  db: Kysely<Database>,
  schoolId: string,
): Promise<IncidentSettings> {
  const row = await db
    .selectFrom("incident_settings")
    .selectAll()
    .where("school_id", "=", schoolId)
    .executeTakeFirst();
  return {
    twoPersonReview: row?.two_person_review === 1,
    letterTemplate: row?.letter_template ?? defaultLetterTemplate,
  };
}

/** Changes the settings given; audited. */
export async function changeIncidentSettings(
  ctx: WriteContext,
  schoolId: string,
  change: { twoPersonReview?: boolean | undefined; letterTemplate?: string | undefined },
): Promise<IncidentSettings> {
  const current = await readIncidentSettings(ctx.trx, schoolId);
  const next = {
    twoPersonReview: change.twoPersonReview ?? current.twoPersonReview,
    letterTemplate: change.letterTemplate ?? current.letterTemplate,
  };
  const values = {
    school_id: schoolId,
    two_person_review: next.twoPersonReview ? 1 : 0,
    letter_template: next.letterTemplate,
    updated_by: ctx.actor.label,
    updated_at: new Date().toISOString(),
  };
  await ctx.trx
    .insertInto("incident_settings")
    .values(values)
    .onConflict((conflict) => conflict.column("school_id").doUpdateSet({ ...values }))
    .execute();
  await appendAudit(ctx, {
    event: "incident-settings.changed",
    schoolId,
    data: {
      twoPersonReview: next.twoPersonReview,
      letterTemplateChanged: change.letterTemplate !== undefined,
    },
  });
  return next;
}
