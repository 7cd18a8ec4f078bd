/** Revokes an ingest key: from then on its sender gets 403, and the key stays on record. */
import { appendAudit } from "../../platform/audit/append-audit.js";
import type { WriteContext } from "../../platform/context/write-context.js";
import { AppError } from "../../platform/errors/app-error.js";
import type { SchoolScope } from "../../schools/school-scope.js";
import { findIngestKey } from "./ingest-key.repository.js";

/** Marks the key revoked and audits it; `conflict` when it already was. */
export async function revokeIngestKey(ctx: WriteContext, scope: SchoolScope, id: string): Promise<void> {
  const key = await findIngestKey(ctx.trx, scope, id);
  if (!key) throw new AppError("not_found", `There is no ingest key ${id}.`);
  if (key.revoked_at !== null) {
    throw new AppError("conflict", `The ingest key ${id} was already revoked at ${key.revoked_at}.`);
  }
  await ctx.trx
    .updateTable("ingest_keys")
    .set({ revoked_at: new Date().toISOString(), revoked_by: ctx.actor.label })
    .where("id", "=", id)
    .execute();
  await appendAudit(ctx, {
    event: "ingest-key.revoked",
    schoolId: key.school_id,
    subject: { type: "ingest-key", id },
    data: { name: key.name },
  });
}
