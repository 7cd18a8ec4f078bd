/** Creates an organisation: a trust, local authority or consortium that owns schools. */
import { randomUUID } from "node:crypto";
import type { OrganisationKind } from "../db/schema.js";
import { appendAudit } from "../platform/audit/append-audit.js";
import type { WriteContext } from "../platform/context/write-context.js";

/** Inserts the organisation and its audit record; returns the new id. */
export async function createOrganisation(
  ctx: WriteContext,
  input: { name: string; kind: OrganisationKind },
): Promise<string> {
  const id = randomUUID();
  await ctx.trx
    .insertInto("organisations")
    .values({ id, name: input.name, kind: input.kind, created_at: new Date().toISOString() })
    .execute();
  await appendAudit(ctx, {
    event: "organisation.created",
    schoolId: null,
    subject: { type: "organisation", id },
    data: { name: input.name, kind: input.kind },
  });
  return id;
}
