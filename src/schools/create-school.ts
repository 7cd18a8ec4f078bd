/** Creates a school (a site) inside an organisation; the school's audit chain starts here. */
import { randomUUID } from "node:crypto";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";

/** Inserts the school and its first audit record; returns the new id. */
export async function createSchool(
  ctx: WriteContext,
  input: { organisationId: string; name: string },
): Promise<string> {
  const id = randomUUID();
  await ctx.trx
    .insertInto("schools")
    .values({
      id,
      organisation_id: input.organisationId,
      name: input.name,
      created_at: new Date().toISOString(),
    })
    .execute();
  await appendAudit(ctx, {
    event: "school.created",
    schoolId: id,
    subject: { type: "school", id },
    data: { name: input.name, organisationId: input.organisationId },
  });
  return id;
}
