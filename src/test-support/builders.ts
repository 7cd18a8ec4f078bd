/** Builders for tests: a school (with its organisation) written through the real commands. */
import { randomUUID } from "node:crypto";
import type { VigilDatabase } from "../db/open-database.js";
import type { Actor } from "../platform/context/actor.js";
import { inTransaction } from "../platform/context/write-context.js";
import { createOrganisation } from "../schools/create-organisation.js";
import { createSchool } from "../schools/create-school.js";

export const testActor: Actor = { kind: "system", label: "test" };

/** Creates an organisation and a school in it; returns both ids. */
export async function buildSchool(
  database: VigilDatabase,
  overrides: { name?: string; organisationId?: string } = {},
): Promise<{ organisationId: string; schoolId: string }> {
  return inTransaction(database, { actor: testActor, ip: "127.0.0.1" }, async (ctx) => {
    const organisationId =
      overrides.organisationId ??
      (await createOrganisation(ctx, { name: `Trust ${randomUUID().slice(0, 8)}`, kind: "trust" }));
    const schoolId = await createSchool(ctx, {
      organisationId,
      name: overrides.name ?? `School ${randomUUID().slice(0, 8)}`,
    });
    return { organisationId, schoolId };
  });
}
